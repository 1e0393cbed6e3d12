/**
 * Tags typed for a new script, as the tag library names them: "组/标签", separated by commas (either
 * width), 、 or spaces. Duplicates are dropped; anything not shaped like group/name is reported back.
 */
export function parseTags(input: string): { tags: string[]; invalid: string[] } {
  const tags: string[] = [];
  const invalid: string[] = [];
  for (const raw of input.split(/[,，、;；\s]+/u)) {
    const piece = raw.trim().replace(/／/gu, '/');
    if (!piece) continue;
    const parts = piece.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) invalid.push(piece);
    else if (!tags.includes(piece)) tags.push(piece);
  }
  return { tags, invalid };
}
