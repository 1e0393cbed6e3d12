import type { RegisterOptions } from '@wecom/jssdk';
import type { JssdkSignatures } from './api-types.ts';

/**
 * The one place the page touches the WeCom JS-SDK. In production it is the bundled @wecom/jssdk (loaded
 * on first use, so the demo never downloads it); in demo mode the server names the emulator's stand-in
 * (`sdkUrl`), which sets `window.ww` with the same promise API. Customer-contact calls must be registered
 * with the app identity (agentId + agentConfig signature): wecom-platform.md §5.2.
 */

interface WwResult {
  errMsg?: string;
  errCode?: number;
}

interface Ww {
  register(options: RegisterOptions): void;
  getCurExternalContact(): Promise<WwResult & { userId: string }>;
  getCurExternalChat(): Promise<WwResult & { chatId: string }>;
  sendChatMessage(params: { msgtype: 'text'; text: { content: string } }): Promise<WwResult>;
}

export type SdkFailure = 'no_permission' | 'no_context' | 'cancelled' | 'not_in_wecom' | 'failed';

export class SdkError extends Error {
  constructor(
    readonly reason: SdkFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SdkError';
  }
}

/** A WeCom bridge that never answers (an old client, a broken webview) must not leave the card spinning. */
const CONTEXT_TIMEOUT_MS = 8000;
const JS_API_LIST = ['getContext', 'getCurExternalContact', 'getCurExternalChat', 'sendChatMessage'];

let loaded: Promise<Ww> | null = null;
let emulated = false;

function loadScript(src: string): Promise<Ww> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.addEventListener('load', () => {
      const ww = (window as unknown as { ww?: Ww }).ww;
      if (ww) resolve(ww);
      else reject(new SdkError('failed', `${src} did not define window.ww`));
    });
    script.addEventListener('error', () => reject(new SdkError('failed', `could not load ${src}`)));
    document.head.append(script);
  });
}

function classify(error: unknown, name: string): SdkError {
  if (error instanceof SdkError) return error;
  const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as WwResult).errMsg) : String(error);
  if (/:\s*cancel/i.test(errMsg)) return new SdkError('cancelled', errMsg);
  if (/no permission|permission denied|invalid signature/i.test(errMsg)) return new SdkError('no_permission', errMsg);
  if (/without context/i.test(errMsg)) return new SdkError('no_context', errMsg);
  return new SdkError('failed', `${name}: ${errMsg}`);
}

/** The SDK's answer, with its errors classified; with a timeout, a call that never answers fails too. */
async function settle<T>(promise: Promise<T>, name: string, timeoutMs?: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline =
    timeoutMs === undefined
      ? null
      : new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new SdkError('not_in_wecom', `${name} did not answer`)), timeoutMs);
        });
  try {
    return await (deadline ? Promise.race([promise, deadline]) : promise);
  } catch (error) {
    throw classify(error, name);
  } finally {
    clearTimeout(timer);
  }
}

/** True inside the WeCom client (its user agent names wxwork) or when the emulator plays WeCom. */
export function canUseSdk(): boolean {
  return emulated || /wxwork/i.test(navigator.userAgent);
}

/**
 * Loads the SDK and registers the page. `sign` returns signatures for a page URL (without the fragment);
 * the SDK asks again only if the URL changes, so the first answer is reused for the current address.
 */
export async function register(first: JssdkSignatures, signedUrl: string, sign: (url: string) => Promise<JssdkSignatures>): Promise<void> {
  emulated = Boolean(first.sdkUrl);
  loaded ??= first.sdkUrl ? loadScript(first.sdkUrl) : import('@wecom/jssdk').then((module) => module as unknown as Ww);
  const ww = await loaded;
  const signaturesFor = (url: string): Promise<JssdkSignatures> => (url === signedUrl ? Promise.resolve(first) : sign(url));
  ww.register({
    corpId: first.corpId,
    agentId: first.agentId,
    jsApiList: JS_API_LIST,
    getConfigSignature: async (url) => (await signaturesFor(url)).config,
    getAgentConfigSignature: async (url) => (await signaturesFor(url)).agentConfig,
  });
}

async function sdk(): Promise<Ww> {
  if (!loaded) throw new SdkError('failed', 'the SDK is not registered yet');
  return loaded;
}

/** Asks the SDK for an id of the chat the sidebar is open in; a missing one is "no context". */
async function currentId<K extends string>(name: 'getCurExternalContact' | 'getCurExternalChat', call: (ww: Ww) => Promise<WwResult & Record<K, string>>, field: K): Promise<string> {
  if (!canUseSdk()) throw new SdkError('not_in_wecom', 'not inside WeCom');
  const result = await settle(call(await sdk()), name, CONTEXT_TIMEOUT_MS);
  if (!result[field]) throw new SdkError('no_context', `${name} returned no ${field}`);
  return result[field];
}

/** The external_userid of the customer whose chat the sidebar is open in. */
export function getCurrentCustomer(): Promise<string> {
  return currentId('getCurExternalContact', (ww) => ww.getCurExternalContact(), 'userId');
}

/** The chat id of the customer group the sidebar is open in (the group_chat_tools entry). */
export function getCurrentGroup(): Promise<string> {
  return currentId('getCurExternalChat', (ww) => ww.getCurExternalChat(), 'chatId');
}

/** Puts the text into the current chat as the guide (the guide's tap is what triggers this). */
export async function sendText(text: string): Promise<void> {
  if (!canUseSdk()) throw new SdkError('not_in_wecom', 'not inside WeCom');
  const ww = await sdk();
  // No timeout: WeCom may ask the guide to confirm, and a late answer must still be recorded as sent.
  await settle(ww.sendChatMessage({ msgtype: 'text', text: { content: text } }), 'sendChatMessage');
}
