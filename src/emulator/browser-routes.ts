/**
 * The emulator's routes a browser uses in the demo: the demo page and its chat API, the `ww` stand-in and
 * the JS-SDK check it calls, the 店长审核台 sign-in link and the OAuth authorize page. The test and fault
 * controls (`/__emulator/faults`, `calls`, `callbacks`, `oauth/code`) and the server API (`/cgi-bin/`) are
 * not among them: the service forwards only these.
 */
export const BROWSER_ROUTES = [
  { method: 'GET', path: '/demo' },
  { method: 'GET', path: '/demo/' },
  { method: 'GET', path: '/demo/demo.js' },
  { method: 'GET', path: '/demo/render-lines.js' },
  { method: 'GET', path: '/demo/pick-chat.js' },
  { method: 'GET', path: '/demo/demo.css' },
  { method: 'GET', path: '/__emulator/ww.js' },
  { method: 'GET', path: '/__emulator/directory' },
  { method: 'GET', path: '/__emulator/chat' },
  { method: 'POST', path: '/__emulator/chat' },
  { method: 'GET', path: '/__emulator/chat/stream' },
  { method: 'GET', path: '/__emulator/current' },
  { method: 'POST', path: '/__emulator/current' },
  { method: 'POST', path: '/__emulator/contacts' },
  { method: 'GET', path: '/__emulator/groups' },
  { method: 'GET', path: '/__emulator/groups/lines' },
  { method: 'POST', path: '/__emulator/groups/lines' },
  { method: 'POST', path: '/__emulator/groups/members' },
  { method: 'GET', path: '/__emulator/app-messages' },
  { method: 'POST', path: '/__emulator/jssdk/verify' },
  { method: 'GET', path: '/__emulator/sign-in-as' },
  { method: 'GET', path: '/connect/oauth2/authorize' },
] as const;
