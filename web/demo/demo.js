// The demo page: an emulated WeCom chat between a guide and a customer, beside the guide's sidebar.
// Talks only to the emulator's /__emulator/ API; lines arrive live over SSE.

import { $, GROUP_PREFIX, currentGroup, fillCustomers, fillGuides, guides, view } from './pick-chat.js';
import { appMessageItem, bubble } from './render-lines.js';

const GENDER = { 1: '男', 2: '女' };

async function request(path, body) {
  const response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || `HTTP ${response.status}`);
  return json;
}

function showError(error) {
  const box = $('error');
  box.textContent = error ? `出错了：${error.message || error}` : '';
  box.hidden = !error;
}

function describeCustomer() {
  const group = currentGroup();
  if (group) {
    const owner = group.members.find((m) => m.userid === group.owner);
    $('chat-title').textContent = group.name;
    const customers = group.members.filter((m) => m.type === 2).length;
    $('chat-subtitle').textContent = [`${group.members.length} 人（客户 ${customers}）`, owner && `群主 ${owner.name}`, group.status === 'dismissed' ? '已解散' : '消息经会话存档同步'].filter(Boolean).join(' · ');
    return;
  }
  const c = view.directory.customers.find((x) => x.external_userid === view.customer);
  const guide = guides().find((m) => m.userid === view.guide);
  if (!c || !guide) return;
  const follow = c.follow.find((f) => f.userid === view.guide);
  $('chat-title').textContent = `${guide.name} ↔ ${c.name}`;
  const tags = follow ? follow.tags.map((t) => `${t.group}/${t.name}`).join('、') : '';
  const parts = [GENDER[c.gender], follow ? (follow.status === 'active' ? '已添加' : '关系已变更') : '尚未添加该导购', tags && `标签：${tags}`];
  $('chat-subtitle').textContent = parts.filter(Boolean).join(' · ');
}

function renderLine(line, name) {
  if (view.seen.has(line.seq)) return;
  view.seen.add(line.seq);
  const list = $('messages');
  list.append(bubble(line, name));
  list.scrollTop = list.scrollHeight;
}

function renderGroupLine(line) {
  renderLine({ seq: line.seq, from: line.from === view.guide ? 'guide' : 'customer', msgtype: line.msgtype, text: line.text, at: line.at }, line.fromName);
}

function renderAppMessage(message) {
  $('app-messages').prepend(appMessageItem(message));
  $('app-count').textContent = ` (${$('app-messages').children.length})`;
}

async function loadChat() {
  view.seen.clear();
  $('messages').replaceChildren();
  if (!view.guide || !(view.customer || view.chat)) return;
  let count;
  if (view.chat) {
    const { lines } = await request(`/__emulator/groups/lines?chat=${encodeURIComponent(view.chat)}`);
    lines.forEach(renderGroupLine);
    count = lines.length;
  } else {
    const { messages } = await request(`/__emulator/chat?guide=${encodeURIComponent(view.guide)}&customer=${encodeURIComponent(view.customer)}`);
    messages.forEach((line) => renderLine(line));
    count = messages.length;
  }
  if (count === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = view.chat
      ? '群里还没有消息。选一位客户，@澜庭-林晓 问个问题，看看侧边栏如何给导购出主意。'
      : '还没有消息。以客户身份说点什么，看看侧边栏如何给导购出主意。';
    $('messages').append(empty);
  }
}

async function loadAppMessages() {
  $('app-messages').replaceChildren();
  $('app-count').textContent = '';
  const { messages } = await request(`/__emulator/app-messages?userid=${encodeURIComponent(view.guide)}`);
  messages.filter((m) => !m.dropped).forEach(renderAppMessage);
}

function connectStream() {
  view.stream?.close();
  const stream = new EventSource(`/__emulator/chat/stream?guide=${encodeURIComponent(view.guide)}`);
  stream.addEventListener('open', () => ($('live-state').textContent = '实时'));
  stream.addEventListener('error', () => ($('live-state').textContent = '重连中…'));
  stream.addEventListener('chat', (event) => {
    const data = JSON.parse(event.data);
    if (view.chat || data.customer !== view.customer) return;
    $('messages').querySelector('.empty')?.remove();
    renderLine(data.line);
  });
  stream.addEventListener('group', (event) => {
    const data = JSON.parse(event.data);
    if (data.chatId !== view.chat) return;
    $('messages').querySelector('.empty')?.remove();
    renderGroupLine(data.line);
  });
  stream.addEventListener('group_change', async () => {
    try {
      await reloadDirectory();
      fillCustomers();
      describeCustomer();
    } catch (error) {
      showError(error);
    }
  });
  stream.addEventListener('app', (event) => renderAppMessage(JSON.parse(event.data).message));
  view.stream = stream;
}

function updateSidebar() {
  const frame = $('sidebar-frame');
  const url = view.directory.sidebarUrl;
  $('sidebar-placeholder').hidden = Boolean(url);
  frame.hidden = !url;
  if (!url) return;
  // The manager's console lives beside the sidebar on the service; the emulator signs in 王静 for it.
  const review = $('review-link');
  const manager = view.directory.members.find((m) => m.role === 'manager');
  if (manager) {
    const login = new URL('/auth/login?next=%2Freview%2F', new URL(url, location.href)).toString();
    review.href = `/__emulator/sign-in-as?user=${encodeURIComponent(manager.userid)}&next=${encodeURIComponent(login)}`;
    review.title = `以店长${manager.name}的身份登录`;
    review.hidden = false;
  }
  const target = new URL(url, location.href);
  target.searchParams.set('guide', view.guide);
  // In a group the toolbar page is the group's (getCurExternalChat), not a customer's.
  target.searchParams.delete(view.chat ? 'customer' : 'chat');
  target.searchParams.set(view.chat ? 'chat' : 'customer', view.chat || view.customer);
  // Like WeCom, the toolbar page is reopened for each chat; ww.js also listens for this message.
  if (frame.src !== target.toString()) frame.src = target.toString();
  frame.contentWindow?.postMessage({ type: 'ww-emulator:context', guide: view.guide, customer: view.customer, chat: view.chat }, '*');
}

async function openChat(guide, customer, chat = '') {
  view.guide = guide;
  view.customer = chat ? '' : customer;
  view.chat = chat;
  fillGuides();
  fillCustomers();
  describeCustomer();
  const params = new URLSearchParams(view.chat ? { guide: view.guide, chat: view.chat } : { guide: view.guide, customer: view.customer });
  history.replaceState(null, '', `?${params}`);
  await request('/__emulator/current', view.chat ? { guide: view.guide, chat: view.chat } : { guide: view.guide, customer: view.customer });
  connectStream();
  updateSidebar();
  await Promise.all([loadChat(), loadAppMessages()]);
}

async function reloadDirectory() {
  view.directory = await request('/__emulator/directory');
  $('corp-name').textContent = `${view.directory.corp.name} · 企业微信模拟器`;
}

async function send(from) {
  const box = $('composer-text');
  const text = box.value.trim();
  if (!text) return;
  if (view.chat) {
    // In a group the line goes into the group's archive as the chosen member (or the guide).
    const speaker = from === 'guide' ? view.guide : $('speaker-select').value;
    await request('/__emulator/groups/lines', { chat_id: view.chat, from: speaker, text });
  } else {
    await request('/__emulator/chat', { guide: view.guide, customer: view.customer, from, text });
  }
  box.value = '';
  box.focus();
}

function wire() {
  $('guide-select').addEventListener('change', (e) => openChat(e.target.value, '').catch(showError));
  $('customer-select').addEventListener('change', (e) => {
    const value = e.target.value;
    const opened = value.startsWith(GROUP_PREFIX) ? openChat(view.guide, '', value.slice(GROUP_PREFIX.length)) : openChat(view.guide, value);
    opened.catch(showError);
  });
  $('add-member').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const add = $('new-member-select').value;
      if (!add || !view.chat) return;
      await request('/__emulator/groups/members', { chat_id: view.chat, add: [add] });
      await reloadDirectory();
      fillCustomers();
      describeCustomer();
      showError(null);
    } catch (error) {
      showError(error);
    }
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    send(e.submitter?.dataset.from || 'customer').then(() => showError(null), showError);
  });
  $('composer-text').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    send(e.ctrlKey || e.metaKey ? 'guide' : 'customer').then(() => showError(null), showError);
  });
  $('add-contact').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const name = $('new-customer-name').value.trim();
      const state = $('new-customer-state').value.trim();
      const added = await request('/__emulator/contacts', { userid: view.guide, ...(name ? { name } : {}), ...(state ? { state } : {}) });
      $('new-customer-name').value = '';
      await reloadDirectory();
      await openChat(view.guide, added.externalUserId);
      showError(null);
    } catch (error) {
      showError(error);
    }
  });
  $('sidebar-frame').addEventListener('load', () => updateSidebar());
}

async function start() {
  wire();
  await reloadDirectory();
  const params = new URLSearchParams(location.search);
  const guide = guides().find((m) => m.userid === params.get('guide'))?.userid ?? guides()[0]?.userid ?? '';
  await openChat(guide, params.get('customer') ?? '', params.get('chat') ?? '');
}

start().catch(showError);
