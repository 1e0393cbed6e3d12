import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { api, describeError } from '../api-client.ts';
import type { Me } from '../api-types.ts';
import type { ProductChoice } from '../content-request.ts';
import { FeedbackLedger, type KeyValueStore } from '../feedback-ledger.ts';
import { customerChat, groupChat, type ChatRef } from '../chat-ref.ts';
import { customerFromQuery, groupFromQuery, guideToSwitchTo, loginUrl, searchWith, shouldRedirectToLogin, signableUrl, viewFromQuery, type PageView } from '../page-context.ts';
import { SdkError, getCurrentCustomer, getCurrentGroup, register } from '../sdk.ts';
import { CustomerPicker } from './customer-picker.tsx';
import { CustomerView } from './customer-view.tsx';
import { GroupView } from './group-view.tsx';
import { lazyView } from './lazy-view.tsx';
import { NoticeProvider } from './notice.tsx';
import { Loading } from './states.tsx';

// Opened by a tap (or the digest's link), not on every chat: fetched on first use.
const TasksView = lazyView(() => import('./tasks-view.tsx').then((m) => m.TasksView), '正在打开待办…');
const WriteView = lazyView(() => import('./write-view.tsx').then((m) => m.WriteView), '正在打开写文案…');

type Boot =
  | { phase: 'loading'; label: string }
  | { phase: 'failed'; message: string; action: 'login' | 'retry' }
  | { phase: 'ready'; me: Me; chat: ChatRef | null; picked: boolean; sdkNote: string | null; pickerNote: string | null };

const CONTEXT_NOTE: Record<string, string> = {
  no_permission: '应用没有客户联系权限，无法识别当前客户。请联系管理员开通后重试。',
  no_context: '请在与客户的单聊或客户群中打开导购助手；也可以在下面选择客户。',
  not_in_wecom: '当前不在企业微信中，请在下面选择客户。',
};

function sessionStore(): KeyValueStore | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** WeCom reopens the toolbar page for every chat, so what was shown or sent is kept per device, not per tab. */
function deviceStore(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return sessionStore();
  }
}

/** Registers the JS-SDK; a failure leaves the page usable (sending falls back to copying). */
async function registerSdk(): Promise<string | null> {
  const url = signableUrl(location.href);
  try {
    await register(await api.signatures(url), url, (u) => api.signatures(u));
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error;
    return '企业微信接口暂时不可用：可以查看建议，发送时会改为复制，请粘贴到聊天框发送。';
  }
}

/**
 * Which chat the sidebar is open in: a customer's (getCurExternalContact), else a customer group's
 * (getCurExternalChat: WeCom answers the first only in a 1:1 chat and the second only in a group).
 */
async function findChat(): Promise<{ chat: ChatRef | null; note: string | null }> {
  const customer = customerFromQuery(location.search);
  if (customer) return { chat: customerChat(customer), note: null };
  const group = groupFromQuery(location.search);
  if (group) return { chat: groupChat(group), note: null };
  try {
    return { chat: customerChat(await getCurrentCustomer()), note: null };
  } catch (error) {
    const reason = error instanceof SdkError ? error.reason : 'failed';
    if (reason === 'no_context') {
      try {
        return { chat: groupChat(await getCurrentGroup()), note: null };
      } catch {
        // neither a 1:1 chat nor a group: the picker, with the note below
      }
    }
    return { chat: null, note: CONTEXT_NOTE[reason] ?? '没能识别当前客户，请在下面选择客户，或关闭后重新打开导购助手。' };
  }
}

/**
 * Sign-in, JS-SDK registration, which customer this chat is about; then the customer view, or the guide's
 * tasks (`?view=tasks`, the daily digest's link) or the copy writer (`?view=write`).
 */
export function App() {
  const ledger = useMemo(() => new FeedbackLedger(deviceStore()), []);
  const [boot, setBoot] = useState<Boot>({ phase: 'loading', label: '正在打开导购助手…' });
  const [view, setView] = useState<PageView>(() => viewFromQuery(location.search));
  // The chat view mounts the first time it is shown and then stays (hidden behind 待办 / 写文案), so its
  // drafts, live stream and scroll position survive a look at the task list.
  const [chatMounted, setChatMounted] = useState(view === 'chat');
  const [seed, setSeed] = useState<ProductChoice[]>([]);
  const chatScroll = useRef(0);

  const show = useCallback(
    (next: PageView, products: ProductChoice[] = []) => {
      if (next === view) return;
      if (view === 'chat') chatScroll.current = window.scrollY;
      history.replaceState(null, '', `${location.pathname}${searchWith(location.search, { view: next === 'chat' ? null : next })}${location.hash}`);
      setSeed(products);
      if (next === 'chat') setChatMounted(true);
      setView(next);
    },
    [view],
  );

  useEffect(() => window.scrollTo(0, view === 'chat' ? chatScroll.current : 0), [view]);

  const signIn = useCallback((force: boolean) => {
    if (force || shouldRedirectToLogin(sessionStore(), Date.now())) {
      setBoot({ phase: 'loading', label: '正在登录…' });
      location.assign(loginUrl(location.pathname, location.search));
    } else {
      setBoot({ phase: 'failed', message: '登录没有成功。请点击重新登录；如果仍然失败，请联系管理员确认你的账号已开通导购助手。', action: 'login' });
    }
  }, []);

  const signedOut = useCallback(() => signIn(false), [signIn]);

  const start = useCallback(async () => {
    setBoot({ phase: 'loading', label: '正在打开导购助手…' });
    try {
      const me = await api.me();
      const other = guideToSwitchTo(location.search, me.userId);
      if (other && shouldRedirectToLogin(sessionStore(), Date.now(), `ga-sidebar-switch:${other}`)) {
        setBoot({ phase: 'loading', label: '正在切换导购账号…' });
        await api.logout();
        location.assign(loginUrl(location.pathname, location.search));
        return;
      }
      const sdkNote = await registerSdk();
      const { chat, note } = await findChat();
      setBoot({ phase: 'ready', me, chat, picked: false, sdkNote, pickerNote: note });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return signIn(false);
      setBoot({ phase: 'failed', message: describeError(error), action: 'retry' });
    }
  }, [signIn]);

  useEffect(() => void start(), [start]);

  const pickChat = (chat: ChatRef | null): void => {
    if (boot.phase !== 'ready') return;
    const query = { customer: chat?.kind === 'customer' ? chat.id : null, chat: chat?.kind === 'group' ? chat.id : null };
    history.replaceState(null, '', `${location.pathname}${searchWith(location.search, query)}${location.hash}`);
    chatScroll.current = 0;
    setBoot({ ...boot, chat, picked: chat !== null });
  };
  const pick = (customerId: string | null): void => pickChat(customerId === null ? null : customerChat(customerId));

  let content;
  if (boot.phase === 'loading') content = <Loading label={boot.label} />;
  else if (boot.phase === 'failed')
    content = (
      <div class="state state-error boot-error" role="alert">
        <p>{boot.message}</p>
        <button type="button" class="btn btn-primary" onClick={() => (boot.action === 'login' ? signIn(true) : void start())}>
          {boot.action === 'login' ? '重新登录' : '重试'}
        </button>
      </div>
    );
  else {
    const { chat } = boot;
    const customerId = chat?.kind === 'customer' ? chat.id : null;
    const openTasks = (): void => show('tasks');
    const write = (products?: ProductChoice[]): void => show('write', products);
    const back = { backLabel: chat === null ? '客户列表' : chat.kind === 'group' ? '返回客户群' : '返回客户', onBack: () => show('chat') };
    content = (
      <>
        {chatMounted && (
          <div class="view" hidden={view !== 'chat'}>
            {chat === null ? (
              <CustomerPicker note={boot.pickerNote} onPick={pick} onPickGroup={(id) => pickChat(groupChat(id))} onOpenTasks={openTasks} onWrite={() => write()} />
            ) : chat.kind === 'group' ? (
              <GroupView
                key={chat.id}
                chatId={chat.id}
                guideName={boot.me.name}
                ledger={ledger}
                sdkNote={boot.sdkNote}
                onSignedOut={signedOut}
                onSwitchChat={boot.picked ? () => pickChat(null) : undefined}
                onOpenTasks={openTasks}
              />
            ) : (
              <CustomerView
                key={chat.id}
                customerId={chat.id}
                guideName={boot.me.name}
                ledger={ledger}
                sdkNote={boot.sdkNote}
                onSignedOut={signedOut}
                onSwitchCustomer={boot.picked ? () => pick(null) : undefined}
                onOpenTasks={openTasks}
                onWrite={write}
              />
            )}
          </div>
        )}
        {/* A customer the guide picked in the browser is not a chat: their drafts are copied, not sent. */}
        {view === 'tasks' && <TasksView chatCustomerId={boot.picked ? null : customerId} {...back} />}
        {view === 'write' && <WriteView customerId={customerId} seed={seed} {...back} />}
      </>
    );
  }

  return (
    <NoticeProvider>
      <main class="sidebar">{content}</main>
    </NoticeProvider>
  );
}
