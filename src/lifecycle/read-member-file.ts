/**
 * A member file (CSV or JSON) → rows of raw values keyed by field, with the line (CSV) or position (JSON)
 * each came from. Anything that makes the whole file unreadable (not UTF-8, broken quoting, no customer
 * id or birthday column, not a list) throws `member_file_invalid`: such a file changes nothing.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors.ts';
import { fieldOfHeader, labelOf, REQUIRED_FIELDS, type MemberField } from './read-member-row.ts';

export type MemberFileFormat = 'csv' | 'json';

export interface RawMemberRow {
  /** CSV: the file line the record starts on (the header is line 1). JSON: the 1-based position in the list. */
  line: number;
  values: Partial<Record<MemberField, unknown>>;
}

export interface MemberFile {
  rows: RawMemberRow[];
  /** Columns (keys) we do not keep, e.g. 手机号 or 会员等级: reported so the admin sees they were skipped. */
  ignoredColumns: string[];
}

export function invalidFile(problem: string): AppError {
  return new AppError('member_file_invalid', problem, {
    status: 400,
    expose: true,
    hint: 'fix the member file and upload it again; nothing was imported',
  });
}

function assertUtf8(text: string): void {
  // The body was decoded as UTF-8: a GBK export (Excel's default "CSV") comes out full of U+FFFD.
  if (text.includes('\uFFFD')) throw invalidFile('文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传');
}

function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(',')) return ',';
  if (header.includes('\t')) return '\t';
  return header.includes(';') ? ';' : ',';
}

function mapColumns(headers: string[]): { fields: Array<MemberField | undefined>; ignored: string[] } {
  const fields = headers.map(fieldOfHeader);
  const seen = new Map<MemberField, string>();
  headers.forEach((header, i) => {
    const field = fields[i];
    if (!field) return;
    const earlier = seen.get(field);
    if (earlier !== undefined) throw invalidFile(`列“${earlier}”和“${header}”都表示${labelOf(field)}，请只保留一列`);
    seen.set(field, header);
  });
  const missing = REQUIRED_FIELDS.filter((f) => !seen.has(f));
  if (missing.length > 0) {
    throw invalidFile(`缺少必需的列：${missing.map(labelOf).join('、')}（找到的列：${headers.join('、') || '无'}）`);
  }
  return { fields, ignored: headers.filter((h, i) => !fields[i] && h.trim() !== '') };
}

function readCsv(raw: string): MemberFile {
  // csv-parse counts a CRLF inside a quoted field as two lines: plain LF keeps the reported lines right.
  const text = raw.replace(/\r\n?/g, '\n');
  let records: Array<{ record: string[]; info: { lines: number; empty_lines: number } }>;
  try {
    // With `info`, each record comes as { record, info } (csv-parse's typings only describe plain records).
    records = parse(text, { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalidFile(`CSV 无法解析${line ? `（第 ${line} 行附近）` : ''}：${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw invalidFile('文件是空的');
  const { fields, ignored } = mapColumns(header.record);
  let previousEnd = header.info.lines;
  let previousEmpty = header.info.empty_lines;
  const rows = data.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    const values: Partial<Record<MemberField, unknown>> = {};
    record.forEach((value, i) => {
      const field = fields[i];
      if (field) values[field] = value;
    });
    return { line, values };
  });
  return { rows, ignoredColumns: ignored };
}

function readJsonFile(text: string): MemberFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalidFile(`JSON 无法解析：${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { members?: unknown } | null)?.members;
  if (!Array.isArray(list)) throw invalidFile('JSON 应为会员数组，或 { "members": [...] }');
  const ignored = new Set<string>();
  const rows = list.map((item, i) => {
    const values: Partial<Record<MemberField, unknown>> = {};
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
        const field = fieldOfHeader(key);
        if (field) values[field] = value;
        else ignored.add(key);
      }
    }
    return { line: i + 1, values };
  });
  return { rows, ignoredColumns: [...ignored] };
}

export function readMemberFile(text: string, format: MemberFileFormat): MemberFile {
  assertUtf8(text);
  const file = format === 'csv' ? readCsv(text) : readJsonFile(text);
  if (file.rows.length === 0) throw invalidFile('文件里没有会员数据');
  return file;
}
