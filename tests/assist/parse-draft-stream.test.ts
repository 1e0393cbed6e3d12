import { describe, expect, it } from 'vitest';
import { createDraftStreamParser, type StreamedDraft } from '../../src/assist/llm/parse-draft-stream.ts';

/** Feeds `pieces` one by one; records after which piece each draft came out. */
function feed(pieces: readonly string[]): { drafts: StreamedDraft[]; at: number[] } {
  const parser = createDraftStreamParser();
  const drafts: StreamedDraft[] = [];
  const at: number[] = [];
  pieces.forEach((piece, i) => {
    for (const d of parser.push(piece)) {
      drafts.push(d);
      at.push(i);
    }
  });
  expect(parser.text()).toBe(pieces.join(''));
  return { drafts, at };
}

const SAMPLE = JSON.stringify({
  drafts: [
    { text: '您好，这款有 "M" 码～\n要帮您留一件吗？', source_id: 'faq-size' },
    { text: 'emoji 👗 与 \\ 反斜杠 {price:T-COAT-1}', source_id: null },
    { text: '第三条：}]{[ 括号在字符串里', source_id: null },
  ],
  tags: [{ tag_id: 't1', evidence: '"drafts": [{"text":"假的"}]', message_id: 'm1', confidence: 0.9 }],
  summary: '顾客问尺码',
  next_action: '确认尺码',
});
const EXPECTED: StreamedDraft[] = [
  { text: '您好，这款有 "M" 码～\n要帮您留一件吗？', source_id: 'faq-size' },
  { text: 'emoji 👗 与 \\ 反斜杠 {price:T-COAT-1}', source_id: null },
  { text: '第三条：}]{[ 括号在字符串里', source_id: null },
];

describe('the incremental drafts parser', () => {
  it('gives the same drafts wherever the text is split in two (every split point of a sample)', () => {
    for (let cut = 0; cut <= SAMPLE.length; cut++) {
      expect(feed([SAMPLE.slice(0, cut), SAMPLE.slice(cut)]).drafts, `split at ${cut}`).toEqual(EXPECTED);
    }
  });

  it('hands each draft over in the chunk that closes it, not later', () => {
    const chars = [...SAMPLE]; // one code point per chunk, so the emoji is never halved
    const { drafts, at } = feed(chars);
    expect(drafts).toEqual(EXPECTED);
    const closes: number[] = [];
    let from = 0;
    for (const d of EXPECTED) {
      const end = SAMPLE.indexOf(JSON.stringify(d), from) + JSON.stringify(d).length;
      closes.push(Array.from(SAMPLE.slice(0, end)).length - 1);
      from = end;
    }
    expect(at).toEqual(closes);
  });

  const cases: Array<{ name: string; text: string; drafts: StreamedDraft[] }> = [
    { name: 'pretty-printed with whitespace and newlines', text: JSON.stringify({ drafts: [{ text: 'a', source_id: null }, { text: 'b', source_id: 's1' }] }, null, 2), drafts: [{ text: 'a', source_id: null }, { text: 'b', source_id: 's1' }] },
    { name: 'wrapped in a ```json fence', text: '```json\n{"drafts":[{"text":"好的","source_id":null}],"tags":[]}\n```', drafts: [{ text: '好的', source_id: null }] },
    { name: 'unicode escapes', text: '{"drafts":[{"text":"\\u60a8\\u597d\\ud83d\\udc57","source_id":null}]}', drafts: [{ text: '您好👗', source_id: null }] },
    { name: 'an escaped quote right before the closing quote', text: '{"drafts":[{"text":"说\\"好\\"","source_id":null}]}', drafts: [{ text: '说"好"', source_id: null }] },
    { name: 'drafts after other keys', text: '{"summary":"x","tags":[{"tag_id":"drafts"}],"drafts":[{"text":"c","source_id":null}]}', drafts: [{ text: 'c', source_id: null }] },
    { name: 'a nested "drafts" key is not the top-level array', text: '{"tags":[{"drafts":[{"text":"no","source_id":null}]}],"drafts":[]}', drafts: [] },
    { name: 'an element that fails the schema is skipped', text: '{"drafts":[{"text":"","source_id":null},{"text":"ok","source_id":null},{"text":3}]}', drafts: [{ text: 'ok', source_id: null }] },
    { name: 'prose before the object', text: '好的，以下是 JSON：{"drafts":[{"text":"d","source_id":null}]}', drafts: [{ text: 'd', source_id: null }] },
    { name: 'an unfinished element gives nothing', text: '{"drafts":[{"text":"half', drafts: [] },
    { name: 'a second object after the first is ignored', text: '{"drafts":[{"text":"one","source_id":null}]}{"drafts":[{"text":"two","source_id":null}]}', drafts: [{ text: 'one', source_id: null }] },
  ];
  for (const c of cases) {
    it(`${c.name}: whole, and one character at a time`, () => {
      expect(feed([c.text]).drafts).toEqual(c.drafts);
      expect(feed([...c.text]).drafts).toEqual(c.drafts);
    });
  }
});
