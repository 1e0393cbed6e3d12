import { describe, expect, it } from 'vitest';
import { findAddressedQuestion } from '../../src/assist/group/find-addressed-question.ts';
import { groupThread } from '../../src/assist/group/group-thread.ts';
import { mentionsIn, withoutMentions } from '../../src/assist/group/mentions.ts';
import type { GroupMessage } from '../../src/conversation/group-model.ts';

const LIN = { userId: 'guide.lin', names: ['林晓', '澜庭-林晓'] };
let at = 0;
const says = (speakerId: string, text: string): GroupMessage => ({
  id: `m${++at}`,
  chatId: 'wrG',
  speakerId,
  speaker: speakerId.startsWith('wm') ? 'customer' : 'member',
  text,
  source: 'archive',
  at: at * 1000,
});
const found = (messages: GroupMessage[]) => findAddressedQuestion(messages, LIN)?.text;

describe('which group message is put to the guide', () => {
  it('takes an @mention of the guide by any of their names, also with the client’s U+2005 space or none', () => {
    expect(found([says('wmA', '@林晓 这件有M码吗？')])).toBe('@林晓 这件有M码吗？');
    expect(found([says('wmA', '@澜庭-林晓\u2005在吗')])).toBe('@澜庭-林晓\u2005在吗');
    expect(found([says('wmA', '请问@林晓有没有新款')])).toBe('请问@林晓有没有新款');
    // Even a statement: the customer turned to the guide.
    expect(found([says('wmA', '@林晓 我下午到店')])).toBe('@林晓 我下午到店');
  });

  it('takes a question after the guide’s last message, and nothing before it', () => {
    const before = says('wmA', '有优惠吗？');
    const guide = says('guide.lin', '大家好，新品到店啦');
    const after = says('wmB', '那款大衣多少钱');
    expect(found([before, guide, after])).toBe('那款大衣多少钱');
    expect(found([before, guide])).toBeUndefined();
    expect(found([guide, says('wmB', '推荐一下适合通勤的包')])).toBe('推荐一下适合通勤的包');
  });

  it('leaves alone what asks nobody: chatter, a question before the guide ever spoke, a question to someone else', () => {
    expect(found([says('wmA', '今天有谁去店里吗？')])).toBeUndefined();
    const guide = says('guide.lin', '新品到店');
    expect(found([guide, says('wmA', '哈哈好的')])).toBeUndefined();
    expect(found([guide, says('wmA', '@小鹿 你买的哪件？')])).toBeUndefined();
    expect(found([guide, says('wmA', '@陈思雨 面霜到了吗')])).toBeUndefined();
  });

  it('leaves a plain question a colleague took up since, but not one that names the guide', () => {
    const guide = says('guide.lin', '新品到店');
    const asked = says('wmA', '有37码吗？');
    const colleague = says('guide.chen', '有的，我帮您留');
    expect(found([guide, asked, colleague])).toBeUndefined();
    const named = says('wmB', '@林晓 那我要M码');
    expect(found([guide, named, colleague])).toBe('@林晓 那我要M码');
  });

  it('tells the guide from someone whose name only begins the same', () => {
    const lin = { ...LIN, others: ['林晓梅', '小鹿'] };
    expect(findAddressedQuestion([says('wmA', '@林晓梅 你买的哪件？')], lin)).toBeUndefined();
    expect(findAddressedQuestion([says('wmA', '@林晓 有M码吗')], lin)?.text).toBe('@林晓 有M码吗');
    expect(findAddressedQuestion([says('wmA', '@林晓有M码吗')], lin)?.text).toBe('@林晓有M码吗');
  });

  it('takes the newest one, whoever asked', () => {
    const guide = says('guide.lin', '新品到店');
    expect(found([guide, says('wmA', '@林晓 有M码吗'), says('wmB', '@林晓 我要S码的，有吗')])).toBe('@林晓 我要S码的，有吗');
  });

  it('reads mentions and takes them out', () => {
    expect(mentionsIn('@林晓 @小鹿\u2005你们好')).toEqual(['林晓', '小鹿']);
    expect(withoutMentions('@澜庭-林晓\u2005这件有M码吗？', LIN.names)).toBe('这件有M码吗？');
    expect(withoutMentions('@林晓 @小鹿 一起看看', LIN.names)).toBe('@小鹿 一起看看');
  });
});

describe('the thread a group draft is built from', () => {
  it('is the asker’s and the guide’s part up to the question, as a 1:1 conversation, mentions of the guide taken out', () => {
    const messages = [
      says('wmB', '我想要黑色的'),
      says('guide.lin', '@李娜 上次的大衣到货了'),
      says('guide.lin', '@小鹿 你的快递已发出'),
      says('wmA', '预算一千左右'),
      says('wmA', '@小鹿 你买了吗'),
      says('guide.chen', '欢迎新朋友'),
      says('wmA', '@林晓 那款大衣有M码吗？'),
      says('wmA', '后面的话'),
    ];
    const question = messages[6]!;
    const thread = groupThread(messages, LIN, { userId: 'wmA', names: ['李娜'] }, question);
    expect(thread.map((m) => [m.speaker, m.text])).toEqual([
      ['guide', '上次的大衣到货了'],
      ['customer', '预算一千左右'],
      ['customer', '那款大衣有M码吗？'],
    ]);
    expect(thread.every((m) => m.guideId === 'guide.lin' && m.customerId === 'wmA')).toBe(true);
    // The ids stay the group's: the suggestion's answeredMessageIds point into the group.
    expect(thread.at(-1)?.id).toBe(question.id);
  });
});
