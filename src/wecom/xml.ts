import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { badRequest } from '../errors.ts';

/**
 * Safe XML for callbacks: no DOCTYPE, no entity declarations (billion laughs, XXE), entity processing off,
 * values kept as strings so a 19-digit MsgId never becomes a lossy number.
 */
const FORBIDDEN = /<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST/i;
// The envelope is tiny and fixed; a strict regex is ~10x cheaper than a parser (architecture.md, performance notes).
const ENCRYPT = /<Encrypt>\s*(?:<!\[CDATA\[([A-Za-z0-9+/=]*)\]\]>|([A-Za-z0-9+/=]*))\s*<\/Encrypt>/;

const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function rejectHostileXml(xml: string): void {
  if (FORBIDDEN.test(xml)) throw badRequest('forbidden_xml', 'DOCTYPE and entity declarations are not accepted');
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58;

/**
 * The envelope holds each element once. With two `<Encrypt>`, what is verified and what another reader of
 * the same body takes could differ, so a doubled element of any name is refused, not resolved. Opening tags
 * only: `</x`, `<!` (CDATA) and `<?` are skipped, and the envelope's values are ids and base64. An indexOf
 * walk over the four tags costs ~1 µs, a regex scan ~3 µs (no parser on the hot path).
 */
export function rejectDuplicateElements(body: string): void {
  const seen: string[] = [];
  for (let i = body.indexOf('<'); i !== -1; i = body.indexOf('<', i + 1)) {
    if (!isNameStart(body.charCodeAt(i + 1))) continue;
    let end = i + 2;
    while (end < body.length && isNameChar(body.charCodeAt(end))) end++;
    const name = body.slice(i + 1, end);
    if (seen.includes(name)) throw badRequest('duplicate_element', `the envelope has more than one <${name}>`);
    seen.push(name);
  }
}

/** Takes the `<Encrypt>` value out of a callback body. */
export function extractEncrypt(body: string): string {
  rejectHostileXml(body);
  rejectDuplicateElements(body);
  const match = ENCRYPT.exec(body);
  const value = match?.[1] ?? match?.[2];
  if (!value) throw badRequest('missing_encrypt', 'body has no <Encrypt> element');
  return value;
}

export type XmlFields = Record<string, string>;

/**
 * A callback's fields: flat elements as strings, `<X><Item>a</Item><Item>b</Item></X>` as lists (the form
 * WeCom uses for member lists, doc 92130), and the names of any other nested elements, which no callback we
 * take carries (a handler that expects a list there can refuse it).
 */
export interface XmlDocument {
  fields: XmlFields;
  lists: Record<string, string[]>;
  nested: string[];
}

function itemList(value: object): string[] | undefined {
  const entries = Object.entries(value);
  if (entries.length !== 1 || entries[0]?.[0] !== 'Item') return undefined;
  const items: unknown = entries[0][1];
  const all = Array.isArray(items) ? items : [items];
  return all.every((item): item is string => typeof item === 'string') ? all : undefined;
}

export function parseXmlDocument(xml: string): XmlDocument {
  rejectHostileXml(xml);
  if (XMLValidator.validate(xml) !== true) throw badRequest('bad_xml', 'decrypted message is not well-formed XML');
  const doc: unknown = parser.parse(xml);
  const root = (doc as { xml?: unknown } | null)?.xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw badRequest('bad_xml', 'missing <xml> root element');
  const parsed: XmlDocument = { fields: {}, lists: {}, nested: [] };
  for (const [key, value] of Object.entries(root)) {
    if (typeof value === 'string') parsed.fields[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') parsed.fields[key] = String(value);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const list = itemList(value);
      if (list) parsed.lists[key] = list;
      else parsed.nested.push(key);
    } else if (Array.isArray(value)) parsed.nested.push(key);
  }
  return parsed;
}

/** The string fields of a flat `<xml>...</xml>` document (nested elements left out). */
export function parseFlatXml(xml: string): XmlFields {
  return parseXmlDocument(xml).fields;
}
