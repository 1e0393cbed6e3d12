/**
 * @mentions in a group message's text. The WeCom client writes a mention as `@` + the name shown in the
 * group, followed by a space (U+2005 from the client, a plain space when typed); the archive keeps it as text.
 */
const MENTION = /@([^\s\u2005@]{1,40})/gu;

/** What follows each `@` up to the next space: a name, perhaps with the start of the sentence glued on. */
export function mentionsIn(text: string): string[] {
  return [...text.matchAll(MENTION)].map((m) => m[1] as string);
}

/**
 * True when one of the mentions names someone called one of `names`. A mention that runs on into the
 * sentence ("@林晓有货吗") is matched by its start, so a longer name of someone else in `others`
 * ("@林晓梅") wins over a shorter one that only begins it.
 */
export function mentions(text: string, names: readonly string[], others: readonly string[] = []): boolean {
  const wanted = names.filter((n) => n.length > 0);
  return mentionsIn(text).some((m) => {
    const mine = Math.max(0, ...wanted.filter((name) => m.startsWith(name)).map((name) => name.length));
    return mine > 0 && !others.some((other) => other.length > mine && m.startsWith(other));
  });
}

/** The text without the mentions of `names` (the question as asked of that person). */
export function withoutMentions(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of [...names].filter((n) => n.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(`@${name}`).join('');
  }
  return out.replace(/^[\s\u2005,，:：]+/u, '').replace(/[\s\u2005]+/gu, ' ').trim();
}
