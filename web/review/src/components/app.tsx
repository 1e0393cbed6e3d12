import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api, FORBIDDEN_ROLE_TEXT } from '../api-client.ts';
import type { Me } from '../api-types.ts';
import { pageSearch, readPageLocation, type PageLocation, type TabId } from '../review-urls.ts';
import { ApprovalQueue } from './approval-queue.tsx';
import { AuditLog } from './audit-log.tsx';
import { FiguresView } from './figures-view.tsx';
import { NoticeProvider } from './notice.tsx';
import { SentReview } from './sent-review.tsx';
import { ErrorState, Loading } from './states.tsx';

const TABS: Array<{ id: TabId; label: string }> = [
  { id: 'approvals', label: '待审核' },
  { id: 'sent', label: '已发送抽检' },
  { id: 'figures', label: '数据' },
  { id: 'audit', label: '审计' },
];
const ROLE_LABEL: Record<Me['role'], string> = { guide: '导购', manager: '店长', admin: '总部运营' };

function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'forbidden_role';
}

/** Sign-in check, then the console for a manager or an admin; a guide is told plainly that it is not for them. */
export function App() {
  const me = useLoadable('me', api.me);
  // Asked once the member is known: before sign-in it would only add a 401 to the browser's console.
  const canReview = me.data !== undefined && me.data.role !== 'guide';
  const stores = useLoadable(canReview ? 'stores' : 'stores:not-yet', api.stores, canReview);
  let body;
  if (isForbidden(me.error) || isForbidden(stores.error) || me.data?.role === 'guide') body = <Forbidden name={me.data?.name} />;
  else if (me.error !== undefined) body = <ErrorState error={me.error} onRetry={() => void me.reload()} />;
  else if (stores.error !== undefined) body = <ErrorState error={stores.error} onRetry={() => void stores.reload()} />;
  else if (me.data === undefined || stores.data === undefined) body = <Loading label="正在打开审核台…" />;
  else body = <Console me={me.data} stores={stores.data} />;
  return (
    <NoticeProvider>
      <div class="review">{body}</div>
    </NoticeProvider>
  );
}

function Forbidden({ name }: { name?: string }) {
  return (
    <div class="state state-error forbidden" role="alert">
      <p class="state-title">{FORBIDDEN_ROLE_TEXT}</p>
      <p class="muted">{name ? `${name}，你的账号是导购账号。` : ''}导购请在企业微信聊天侧边栏使用导购助手；如需审核权限，请联系总部运营。</p>
    </div>
  );
}

function Console({ me, stores }: { me: Me; stores: Array<{ id: string; name: string }> }) {
  const [location, setLocation] = useState<PageLocation>(() => readPageLocation(window.location.search));
  const [store, setStore] = useState('');
  const [pending, setPending] = useState<number | null>(null);

  // The address bar follows the tab (and the opened item), so a reload or a shared link lands in the same place.
  useEffect(() => {
    const search = pageSearch(location);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [location]);

  const go = (tab: TabId): void => setLocation({ tab });
  const closeFocus = useCallback(() => setLocation({ tab: 'approvals' }), []);
  const storeId = store || undefined;
  return (
    <>
      <header class="top">
        <div class="top-line">
          <h1 class="brand">导购助手 · 审核台</h1>
          <span class="spacer" />
          <span class="me">
            {me.name}
            <span class="muted small">（{ROLE_LABEL[me.role]}）</span>
          </span>
        </div>
        {stores.length > 1 && (
          <label class="store-filter">
            <span class="muted small">门店</span>
            <select class="input" value={store} onChange={(e) => setStore(e.currentTarget.value)} aria-label="门店">
              <option value="">全部门店（{stores.length}）</option>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
          </label>
        )}
        <nav class="tabs" role="tablist" aria-label="审核台">
          {TABS.map((tab) => (
            <button key={tab.id} type="button" role="tab" class={tab.id === location.tab ? 'tab tab-on' : 'tab'} aria-selected={tab.id === location.tab} onClick={() => go(tab.id)}>
              {tab.label}
              {tab.id === 'approvals' && pending !== null && pending > 0 && <span class="count">{pending}</span>}
            </button>
          ))}
        </nav>
      </header>
      <main class="content">
        {stores.length === 0 && <p class="banner banner-warn">你的账号还没有关联门店，看不到任何导购的数据。请联系总部运营在组织架构中为你分配门店。</p>}
        {location.tab === 'approvals' && <ApprovalQueue me={me} store={storeId} focusId={location.item} onPendingCount={setPending} onCloseFocus={closeFocus} />}
        {location.tab === 'sent' && <SentReview store={storeId} />}
        {location.tab === 'figures' && <FiguresView store={storeId} />}
        {location.tab === 'audit' && <AuditLog />}
      </main>
    </>
  );
}
