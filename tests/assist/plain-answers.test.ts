/**
 * Answers a guide would send without editing: a care question about a coat they love is no trouble to
 * apologise for, a down jacket's shell and filling are each named as what they are, what a bag holds is
 * said from its description, and a script about opened skincare never trails a question about a coat.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { askAfterPurchase, demoAssistant, topText } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});

const ask = askAfterPurchase(() => assistant);

describe('plain answers', () => {
  it('answers how to look after a coat bought and loved without an apology, a skincare script or a fabric pitch', async () => {
    const care = await ask('AP-1005', '顾客: 那件系带大衣贵得离谱但是值 穿出去被问了好几回链接', '导购: 哈哈 太好啦，燕麦色确实很衬您～', '顾客: 就是不知道咋保养 能自己洗吗 怕洗坏了');
    expect(topText(care)).toMatch(/干洗/u);
    expect(topText(care)).not.toMatch(/抱歉|不好意思|添麻烦|梨形/u);
    expect(care.drafts.slice(0, 3).map((d) => d.text).join(' ')).not.toMatch(/护肤品/u);
  });

  it('names the shell and the filling of a down jacket each as what it is', async () => {
    const text = topText(await ask(undefined, '顾客: 男士那件连帽羽绒服里面是鸭绒还是鹅绒'));
    expect(text).toMatch(/面料是锦纶/u);
    expect(text).toMatch(/填充的是90%白鸭绒/u);
    expect(text).not.toMatch(/是面料/u);
  });

  it('says what a bag holds in the words of its description', async () => {
    const text = topText(await ask(undefined, '导购: 男士牛皮公文包2580元，头层牛皮，黑色和深棕两个颜色，可以放文件', '顾客: 深棕好看', '顾客: 我电脑15寸的 能放吗'));
    expect(text).toMatch(/男士牛皮公文包可以放15寸电脑/u);
    expect(text).not.toMatch(/用法是这样的/u);
  });
});
