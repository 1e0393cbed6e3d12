// How the demo page draws a chat line and an app message the guide received: DOM only, no state.

const PLACEHOLDER = { image: '[图片]', voice: '[语音]', video: '[视频]', file: '[文件]', location: '[位置]', link: '[链接]', miniprogram: '[小程序]', business_card: '[名片]' };

/** One chat bubble: who, what (a placeholder for media), when. */
export function bubble(line, name) {
  const item = document.createElement('li');
  item.className = `bubble ${line.from}`;
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = name ?? (line.from === 'customer' ? '客户' : '导购');
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = line.msgtype === 'text' ? line.text : PLACEHOLDER[line.msgtype] || `[${line.msgtype}]`;
  const time = document.createElement('time');
  time.textContent = new Date(line.at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
  item.append(who, text, time);
  return item;
}

/** One app message in the guide's WeCom: its time and title. */
export function appMessageItem(message) {
  const item = document.createElement('li');
  const body = message.body || {};
  const title = body.title || (body.content || '').split('\n')[0];
  item.textContent = `${new Date(message.at).toLocaleTimeString('zh-CN')} · ${title}${body.description ? ` — ${body.description}` : ''}`;
  return item;
}
