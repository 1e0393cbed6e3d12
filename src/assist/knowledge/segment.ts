/**
 * Chinese word segmentation. The default jieba dictionary costs ~170 ms to load, so one instance is
 * created on first use and shared by every index and extractor in the process.
 */
import { Jieba } from '@node-rs/jieba';
import type { TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { retailDictionary } from './retail-dict.ts';

let shared: Jieba | undefined;

export function getJieba(): Jieba {
  if (!shared) {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(retailDictionary(), 'utf8'));
    shared = jieba;
  }
  return shared;
}

/** Full-width to half-width, lower case: "ＸＬ码" and "xl码" index the same. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Function words and chat filler that carry no topic; kept short on purpose (BM25's idf handles the rest). */
const STOPWORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 噢 嗯 哈 么 嘛 啦 哇 是 在 有 和 与 及 或 也 都 就 还 又 很 太 挺 蛮 这 那 这个 那个 这款 那款 ' +
    '我 你 您 他 她 它 我们 你们 他们 咱们 自己 一个 一下 一些 什么 怎么 怎样 如何 可以 可不可以 能 能不能 会 要 想 ' +
    '请问 请 谢谢 好的 好 嗯嗯 亲 在吗 哪 哪个 哪些 吗吗 给 让 把 被 对 从 到 为 着 过 个 件 款 下 上 里 去 来 看看 看 说'
  ).split(' '),
);

const WORDLIKE = /[\p{Script=Han}a-z0-9]/u;

/**
 * Index/query tokens: search-mode cut (so "连衣裙" also yields "衣裙"), normalised, without stopwords
 * and punctuation. Deterministic for a given input.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of getJieba().cutForSearch(normalizeText(text), true)) {
    const word = raw.trim();
    if (word.length === 0 || !WORDLIKE.test(word) || STOPWORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

/** Part-of-speech tagged words of the normalised text (jieba's ICTCLAS-style tags: n, v, nz, eng, m ...). */
export function tagWords(text: string): TaggedWord[] {
  return getJieba().tag(text, true);
}
