/** The customer's skin type, as said (干皮, 混油, 大油田) or as a symptom (起皮, 泛红); a named type outranks a symptom. */
import type { Reading } from './read-needs.ts';

const SKIN: [RegExp, string][] = [
  [/敏感肌|敏感皮|皮肤(?:老|很|比较|有点|特别|挺|超|太)?敏感|脸(?:很|比较|特别)?敏感|容易过敏|泛红|(?:风一吹|一吹风)就红/u, '敏感性'],
  [/混油|混合偏油|混合性|混合皮|混干/u, '混合性'],
  [/油皮|油性|出油|大油田|爱出油/u, '油性'],
  [/干皮|干性|起皮|干燥|(?:皮肤|脸|我)?(?:有点|有些|比较|偏|很|特别|挺)干(?![净活嘛啥什吗洗])/u, '干性'],
  [/中性皮|中性肤质/u, '中性'],
];

export function readSkinType(text: string): Reading<string> | undefined {
  // "我是干皮 偶尔两颊会有点泛红": the skin the customer names outranks a symptom.
  const named = /(?:我是|我属于|属于|是)\s*(敏感肌|干皮|油皮|混油|混合皮|混干|中性皮|干性|油性|混合性|敏感性)/u.exec(text);
  const stated = named ? SKIN.find(([pattern]) => pattern.test(named[1] ?? '')) : undefined;
  if (named && stated) return { value: stated[1], quote: named[1] ?? '' };
  for (const [pattern, value] of SKIN) {
    const match = pattern.exec(text);
    if (match) return { value, quote: match[0] };
  }
  return undefined;
}
