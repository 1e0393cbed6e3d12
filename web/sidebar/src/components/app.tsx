import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { api, describeError } from '../api-client.ts';
import type { Me } from '../api-types.ts';
import { FeedbackLedger, type KeyValueStore } from '../feedback-ledger.ts';
import { customerFromQuery, guideToSwitchTo, loginUrl, shouldRedirectToLogin, signableUrl } from '../page-context.ts';
import { SdkError, getCurrentCustomer, register } from '../sdk.ts';
import { CustomerPicker } from './customer-picker.tsx';
import { CustomerView } from './customer-view.tsx';
import { NoticeProvider } from './notice.tsx';
import { Loading } from './states.tsx';

type Boot =
  | { phase: 'loading'; label: string }
  | { phase: 'failed'; message: string; action: 'login' | 'retry' }
  | { phase: 'ready'; me: Me; customerId: string | null; picked: boolean; sdkNote: string | null; pickerNote: string | null };

const CONTEXT_NOTE: Record<string, string> = {
  no_permission: '应用没有客户联系权限，无法识别当前客户。请联系管理员开通后重试。',
  no_context: '请在与客户的单聊中打开导购助手；也可以在下面选择客户。',
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

async function findCustomer(): Promise<{ customerId: string | null; note: string | null }> {
  const fromQuery = customerFromQuery(location.search);
  if (fromQuery) return { customerId: fromQuery, note: null };
  try {
    return { customerId: await getCurrentCustomer(), note: null };
  } catch (error) {
    const reason = error instanceof SdkError ? error.reason : 'failed';
    return { customerId: null, note: CONTEXT_NOTE[reason] ?? '没能识别当前客户，请在下面选择客户，或关闭后重新打开导购助手。' };
  }
}

/** Sign-in, JS-SDK registration, which customer this chat is about; then the customer view. */
export function App() {
  const ledger = useMemo(() => new FeedbackLedger(deviceStore()), []);
  const [boot, setBoot] = useState<Boot>({ phase: 'loading', label: '正在打开导购助手…' });

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
      const { customerId, note } = await findCustomer();
      setBoot({ phase: 'ready', me, customerId, picked: false, sdkNote, pickerNote: note });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return signIn(false);
      setBoot({ phase: 'failed', message: describeError(error), action: 'retry' });
    }
  }, [signIn]);

  useEffect(() => void start(), [start]);

  const pick = (customerId: string | null): void => {
    if (boot.phase !== 'ready') return;
    const params = new URLSearchParams(location.search);
    if (customerId) params.set('customer', customerId);
    else params.delete('customer');
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    setBoot({ ...boot, customerId, picked: customerId !== null });
  };

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
  else if (boot.customerId === null) content = <CustomerPicker note={boot.pickerNote} onPick={pick} />;
  else
    content = (
      <CustomerView
        key={boot.customerId}
        customerId={boot.customerId}
        guideName={boot.me.name}
        ledger={ledger}
        sdkNote={boot.sdkNote}
        onSignedOut={signedOut}
        onSwitchCustomer={boot.picked ? () => pick(null) : undefined}
      />
    );

  return (
    <NoticeProvider>
      <main class="sidebar">{content}</main>
    </NoticeProvider>
  );
}
