/**
 * Asks typed one after another with spaces, each answered in order; a skin named beside a question about
 * the product in view answered from its 肤质; questions about the one pointed at ("那个去角质的能天天用吗",
 * "晚桂是啥味") answered from the catalog's own words; care that fits the product, not another kind's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { chat, demoAssistant } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});

const NOW = 1_700_000_100_000;
const top = async (...lines: string[]): Promise<string> => (await assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW })).drafts[0]?.text ?? '';

describe('asks typed with spaces between them', () => {
  it('answers who pays the return postage and when the money comes back, in that order', async () => {
    const text = await top('顾客: 裤子不合适想退 运费谁出啊 钱几天能退回来');
    expect(text).toMatch(/顾客承担/u);
    expect(text).toMatch(/1-3个工作日/u);
    expect(text.indexOf('顾客承担')).toBeLessThan(text.indexOf('1-3个工作日'));
  });

  it('answers the delivery time and the free-shipping threshold', async () => {
    const text = await top('顾客: 寄南京要几天啊 满多少包邮');
    expect(text).toMatch(/次日|2-3天/u);
    expect(text).toMatch(/299/u);
  });

  it('answers the size of a bottle and whether sensitive skin can use it', async () => {
    const text = await top('顾客: 温和卸妆油多大一瓶 敏感肌能用吗');
    expect(text).toMatch(/200ml/u);
    expect(text).toMatch(/敏感肌也可以用/u);
  });

  it('keeps what points buy with the points when asked apart', async () => {
    const text = await top('顾客: 我积分咋查啊 攒了好多 能换点啥不');
    expect(text).toMatch(/小程序/u);
    expect(text).not.toMatch(/七天无理由/u);
  });
});

describe('the one pointed at', () => {
  it('answers how often the exfoliating gel is used, not with the gel recommended again', async () => {
    const text = await top('顾客: 鼻子黑头多 用什么好', '导购: 可以加一支温和去角质啫喱，149元，在干的脸上打圈就能搓出小颗粒。', '顾客: 那个去角质的能天天用吗');
    expect(text).toMatch(/每周用一两次/u);
    expect(text).not.toMatch(/给您推荐/u);
  });

  it('says what the candle smells of', async () => {
    const text = await top('顾客: 晚桂香薰蜡烛多少钱', '导购: 269元，能烧40小时左右。', '顾客: 晚桂是啥味 会不会很冲');
    expect(text).toMatch(/桂花/u);
  });

  it('gives boots their own care, not a wool coat’s', async () => {
    const text = await top('顾客: 羊皮毛一体雪地靴栗色37码', '导购: 好的，栗色37码给您备上～', '顾客: 这种毛毛的脏了咋洗 能水洗不');
    expect(text).toMatch(/专用清洁剂/u);
    expect(text).not.toMatch(/大衣/u);
  });
});

describe('a complaint and its next step', () => {
  it('says a defect goes back at our cost when asked how to send it', async () => {
    const text = await top('顾客: 靴子才穿一周鞋头就开胶了 咋寄回去啊');
    expect(text).toMatch(/30天包换/u);
    expect(text).toMatch(/运费由我们承担|到付/u);
  });

  it('answers how to make tarnished silver bright again with cleaning and polishing', async () => {
    const text = await top('顾客: 上次买的银手链最近有点发黑了', '导购: 银饰接触空气和汗水会慢慢氧化，这是正常现象哦。', '顾客: 那咋弄能弄亮啊');
    expect(text).toMatch(/清洗|抛光/u);
    expect(text).not.toMatch(/30天包换/u);
  });

  it('answers an opened lipstick whose shade disappoints with a look at the shade, not a skin-reaction script', async () => {
    const text = await top('顾客: 口红拆了涂了一次 颜色跟图上差太多了 能退吗');
    expect(text).toMatch(/试色|色号/u);
    expect(text).not.toMatch(/停用|批号/u);
  });
});

describe('occasions and colours said in few words', () => {
  it('answers birthday perks asked beside an order with the birthday terms', async () => {
    const text = await top('顾客: 晚桂香薰蜡烛买两个', '导购: 好的～两个给您备上。', '顾客: 对了我下个月生日 下个月买会有啥福利吗');
    expect(text).toMatch(/双倍积分/u);
  });

  it('reads 黑大衣 as a black coat and says no men’s coat comes in black', async () => {
    const text = await top('顾客: 想买件黑大衣 男的 过年穿');
    expect(text).toMatch(/暂时没有黑色/u);
  });
});
