/**
 * A kind the customer already owns or wears, told as context for the one wanted: "想要件开衫配我那条黑色阔腿裤"
 * (the trousers are theirs, the cardigan is wanted), "上班穿西裤 喜欢黑的", "配我那件黑大衣" and "西装是藏青色"
 * (the belt, the scarf or the shoes asked before stay wanted).
 */

/** "配我那条黑色阔腿裤": what the new piece is to go with. */
const TO_MATCH_MINE = /(?:配|搭)我(?:的|那条|那件|那双|那个|条|件|双|个)?[^，。\s的]{0,6}?(?=[，。\s]|$)/gu;

/** Words that ask for the kind named, so it is no mere context. */
const ASKS_FOR_IT = /想(?:要|买|找|挑)|推荐|有没有|要(?:一|件|条|双|个)/u;

/** The text without what is to be matched, so another kind said beside it is the one wanted. */
export function withoutOwnToMatch(text: string): string {
  return text.replace(TO_MATCH_MINE, ' ');
}

/** The kind `word` is theirs or worn by them in `text`, and nothing in it asks for one. */
export function ownsKind(text: string, word: string): boolean {
  const mine = new RegExp(`(?:我(?:的|那件|那条|那双|那个)|配我(?:的|那件|那条|那双)?|(?:平时|上班|天天|一般|经常)穿)[^，。\\s]{0,3}${word}`, 'u');
  // "42 要深棕的 西装是藏青色", "我礼服是黑的": the colour of what it is to go with, whatever else is asked.
  const described = new RegExp(`(?:^|[\\s，。,])我?(?:的)?${word}(?:也)?是[^，。\\s]{1,4}(?:色|的)`, 'u');
  return described.test(text) || (mine.test(text) && !ASKS_FOR_IT.test(text));
}

/** "西装是藏青色", "我礼服是黑的": the colour of something they have, which is no colour wanted. */
const OWN_COLOUR = /(?:^|[\s，。,])我?(?:的)?(?:西装|西服|礼服|裙子|连衣裙|半身裙|大衣|外套|裤子|西裤|衬衫|毛衣|鞋子|包包?)(?:也)?是[^，。\s]{1,4}(?:色|的)/u;

/** The text without the colours of things they have. */
export function withoutOwnColour(text: string): string {
  return text.replace(new RegExp(OWN_COLOUR.source, 'gu'), ' ');
}
