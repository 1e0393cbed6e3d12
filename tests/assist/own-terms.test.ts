/**
 * A recommendation says why in the customer's own terms: the clause of the catalog description that
 * speaks to what they said about themselves or the use (脚背高, 敏感肌), and nothing the catalog says
 * about something else — what a piece is worn with, another product, a request for someone else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { buildDialogueState } from '../../src/assist/dialogue/build-dialogue-state.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { Product } from '../../src/assist/knowledge/schemas.ts';
import { productLine } from '../../src/assist/offline/describe-product.ts';
import { clauseForWishes } from '../../src/assist/offline/echo-wishes.ts';
import { chat, demoAssistant } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  ({ kb, assistant } = await demoAssistant());
});

const NOW = 1_700_000_100_000;
const top = async (...lines: string[]): Promise<string> => (await assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW })).drafts[0]?.text ?? '';
const product = (name: string): Product => {
  const found = kb.products.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} in the demo catalog`);
  return found;
};

describe('reasons in the customer’s own terms', () => {
  it('answers a wide, high instep with the running shoe’s wide last, in the top draft', async () => {
    const text = await top('顾客: 我老公脚特别宽脚背也高，平时穿42的鞋老是挤得脚背疼，你们有没有那种宽一点的跑步鞋，他就是周末跑个五公里');
    expect(text).toContain('男士缓震跑步鞋');
    expect(text).toMatch(/脚背高的男士穿着也不压脚/u);
  });

  it('quotes the clause that speaks to a skin described, not the whole description', () => {
    const clause = clauseForWishes(product('安肌舒缓霜'), '想要个面霜 我是敏感肌 一换季就泛红');
    expect(clause).toBe('敏感肌换季用也比较安心');
  });

  it('does not take what a piece is worn with for what it is (长款 wanted, 配长款大衣 in the catalog)', () => {
    expect(clauseForWishes(product('针织包臀裙'), '有没有长款的 过膝那种 冬天穿牛仔有点冷')).toBeUndefined();
  });

  it('leaves out a clause that names another product', () => {
    const state = buildDialogueState(kb, { conversation: chat('顾客: 想要条精纺羊毛的西装裤 能和外套同面料成套穿的'), guideId: 'guide.lin', now: NOW });
    const line = productLine(product('羊毛西装裤'), state, kb);
    expect(line).toMatch(/^羊毛西装裤（¥1480/u);
    expect(line).not.toContain('精纺羊毛西装外套');
  });

  it('reads the wishes from the request for the new person, not the one before', async () => {
    const text = await top('顾客: 帮我看看护手霜 送同事的', '导购: 香氛护手霜三支礼盒129元，白茶、晚桂、无花果各一支，包装好看，送同事很合适。', '顾客: 同事的就这个了 再给我男朋友也挑一个 他冬天手老裂口子 两百以内');
    expect(text).not.toContain('送同事');
  });
});
