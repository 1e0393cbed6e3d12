/**
 * Reads the model's JSON as it streams in and hands over each element of the top-level `drafts` array
 * the moment its closing brace arrives, so a draft can reach the sidebar before the rest of the answer
 * is written. It only scans (strings, escapes, nesting); each closed element is then parsed with
 * JSON.parse, so escapes and unicode mean exactly what they mean to the final parse. Chunks may split
 * the text anywhere. Whatever streams, the whole output is still validated at the end (llm-output.ts).
 */
import { z } from 'zod';

const streamedDraftSchema = z.object({ text: z.string().trim().min(1).max(500), source_id: z.string().nullable() });
export type StreamedDraft = z.infer<typeof streamedDraftSchema>;

export interface DraftStreamParser {
  /** Feeds the next piece of text; returns the drafts that closed in it, in order. */
  push(chunk: string): StreamedDraft[];
  /** Everything pushed so far (for the final validation). */
  text(): string;
}

type Frame = { kind: 'object'; key?: string } | { kind: 'array'; drafts: boolean };

export function createDraftStreamParser(): DraftStreamParser {
  let buffer = '';
  let at = 0;
  const stack: Frame[] = [];
  let inString = false;
  let escaped = false;
  let stringStart = -1;
  /** The last string closed inside an object: a key once a ':' follows it. */
  let lastString: string | undefined;
  let elementStart = -1;
  /** Past the end of the top-level object: anything after it (a code fence) is not ours. */
  let done = false;

  const inDraftsArray = (): boolean => {
    const top = stack[stack.length - 1];
    return top?.kind === 'array' && top.drafts && stack.length === 2;
  };

  const scan = (): StreamedDraft[] => {
    const found: StreamedDraft[] = [];
    for (; at < buffer.length && !done; at++) {
      const ch = buffer[at];
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') {
          inString = false;
          try {
            lastString = JSON.parse(buffer.slice(stringStart, at + 1)) as string;
          } catch {
            lastString = undefined;
          }
        }
        continue;
      }
      if (stack.length === 0 && ch !== '{') continue; // a ```json fence or whitespace before the object
      const top = stack[stack.length - 1];
      switch (ch) {
        case '"':
          inString = true;
          stringStart = at;
          break;
        case ':':
          if (top?.kind === 'object') top.key = lastString;
          break;
        case ',':
          if (top?.kind === 'object') top.key = undefined;
          break;
        case '{':
          if (inDraftsArray()) elementStart = at;
          stack.push({ kind: 'object' });
          break;
        case '[':
          stack.push({ kind: 'array', drafts: stack.length === 1 && top?.kind === 'object' && top.key === 'drafts' });
          break;
        case '}':
        case ']':
          stack.pop();
          if (stack.length === 0) done = true;
          else if (ch === '}' && inDraftsArray() && elementStart >= 0) {
            const draft = parseElement(buffer.slice(elementStart, at + 1));
            if (draft) found.push(draft);
            elementStart = -1;
          }
          break;
        default:
          break;
      }
    }
    return found;
  };

  return {
    push(chunk) {
      buffer += chunk;
      return scan();
    },
    text: () => buffer,
  };
}

function parseElement(json: string): StreamedDraft | undefined {
  try {
    const result = streamedDraftSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
