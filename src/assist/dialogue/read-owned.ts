/**
 * A kind the customer already owns or wears, told as context for the one wanted: "想要件开衫配我那条黑色阔腿裤"
 * (the trousers are theirs, the cardigan is wanted), "上班穿西裤 喜欢黑的" and "配我那件黑大衣" (the belt or the
 * scarf asked before stays wanted).
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
  return mine.test(text) && !ASKS_FOR_IT.test(text);
}
