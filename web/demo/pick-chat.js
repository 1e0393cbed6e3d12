// The demo page's view state and its pickers: which guide, customer or customer group is shown, and the
// selects that choose them (a group adds who speaks and who could be added).

export const $ = (id) => document.getElementById(id);

export const view = {
  directory: null,
  guide: '',
  customer: '',
  /** A customer group's chat id when the chat shown is a group (then customer is ''). */
  chat: '',
  seen: new Set(),
  stream: null,
};

export const GROUP_PREFIX = 'group:';

export function option(value, label) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = label;
  return el;
}

export function guides() {
  return view.directory.members.filter((m) => m.role === 'guide');
}

export function customersOf(guide) {
  const mine = [];
  const others = [];
  for (const c of view.directory.customers) {
    const follow = c.follow.find((f) => f.userid === guide && f.status !== 'deleted_by_guide');
    (follow ? mine : others).push({ c, follow });
  }
  return { mine, others };
}

export function fillGuides() {
  const select = $('guide-select');
  select.replaceChildren(...guides().map((m) => option(m.userid, m.name)));
  select.value = view.guide;
}

export function groupsOf(guide) {
  return (view.directory.groups ?? []).filter((g) => g.members.some((m) => m.userid === guide));
}

export function currentGroup() {
  return (view.directory.groups ?? []).find((g) => g.chat_id === view.chat);
}

export function fillCustomers() {
  const { mine, others } = customersOf(view.guide);
  const groups = groupsOf(view.guide);
  const select = $('customer-select');
  const mineGroup = document.createElement('optgroup');
  mineGroup.label = '我的客户';
  mineGroup.append(...mine.map(({ c, follow }) => option(c.external_userid, follow.remark || c.name)));
  const groupGroup = document.createElement('optgroup');
  groupGroup.label = '客户群';
  groupGroup.append(...groups.map((g) => option(`${GROUP_PREFIX}${g.chat_id}`, `${g.name}（${g.members.length}人）`)));
  const otherGroup = document.createElement('optgroup');
  otherGroup.label = '其他客户（未添加）';
  otherGroup.append(...others.map(({ c }) => option(c.external_userid, c.name)));
  select.replaceChildren(mineGroup, ...(groups.length ? [groupGroup] : []), ...(others.length ? [otherGroup] : []));
  if (view.chat && !groups.some((g) => g.chat_id === view.chat)) view.chat = '';
  if (!view.chat && ![...mine, ...others].some(({ c }) => c.external_userid === view.customer)) view.customer = mine[0]?.c.external_userid ?? others[0]?.c.external_userid ?? '';
  select.value = view.chat ? `${GROUP_PREFIX}${view.chat}` : view.customer;
  fillGroupTools();
}

/** In a group: who speaks (any member but the guide), and which customers could be added. */
export function fillGroupTools() {
  const group = currentGroup();
  $('speaker-label').hidden = !group;
  $('group-tools').hidden = !group;
  $('composer-text').placeholder = group
    ? '输入消息，Enter 以所选成员身份发送，Ctrl+Enter 以导购身份发送（@澜庭-林晓 可以点名导购）'
    : '输入消息，Enter 以客户身份发送，Ctrl+Enter 以导购身份发送';
  document.querySelector('button[data-from="customer"]').textContent = group ? '以所选成员发送' : '以客户身份发送';
  if (!group) return;
  const speaker = $('speaker-select');
  const previous = speaker.value;
  const speakers = group.members.filter((m) => m.userid !== view.guide);
  speaker.replaceChildren(...speakers.map((m) => option(m.userid, `${m.name}${m.type === 1 ? '（同事）' : m.consent === 'Disagree' ? '（未同意存档）' : ''}`)));
  speaker.value = speakers.some((m) => m.userid === previous) ? previous : (speakers.find((m) => m.type === 2)?.userid ?? '');
  const outside = view.directory.customers.filter((c) => !group.members.some((m) => m.userid === c.external_userid));
  $('new-member-select').replaceChildren(...outside.map((c) => option(c.external_userid, c.name)));
}
