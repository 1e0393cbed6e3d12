/**
 * One row of a member file → a LifecycleMember, or every reason it cannot be one. Headers may be English
 * (the field names, snake_case too) or Chinese as CRM exports write them; values are read the way
 * spreadsheets export them (2024/3/5, 1,200). Reasons are Chinese: they go to the operations admin who
 * fixes the file.
 */
import type { Org } from '../org/org.ts';
import { dayNumber, parseBirthday, parseDay } from './china-date.ts';
import type { LifecycleMember } from './member.ts';

export type MemberField = keyof LifecycleMember;

const ALIASES: Record<MemberField, string[]> = {
  customerId: ['customerid', 'externaluserid', 'externalid', '客户id', '外部联系人id', '企微客户id', '客户userid'],
  name: ['name', 'membername', 'customername', '姓名', '客户姓名', '会员姓名', '称呼'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', '生日', '出生日期', '会员生日'],
  lastPurchaseAt: ['lastpurchaseat', 'lastpurchase', 'lastpurchasedate', '最近购买', '最近购买日期', '最近消费日期', '最后购买日期', '上次购买日期'],
  pointsBalance: ['pointsbalance', 'points', '积分', '积分余额', '可用积分', '当前积分'],
  pointsExpireAt: ['pointsexpireat', 'pointsexpiry', 'pointsexpiredate', '积分到期', '积分到期日', '积分到期日期', '积分过期日期', '积分有效期'],
  storeId: ['storeid', 'store', '门店', '门店id', '所属门店', '门店编号'],
  guideId: ['guideid', 'guide', 'guideuserid', '导购', '导购id', '专属导购', '导购userid', '服务导购'],
};

const LABEL: Record<MemberField, string> = {
  customerId: '客户ID',
  name: '姓名',
  birthday: '生日',
  lastPurchaseAt: '最近购买日期',
  pointsBalance: '积分余额',
  pointsExpireAt: '积分到期日',
  storeId: '门店',
  guideId: '导购',
};

const BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as MemberField] as const)));

/** The field a column header names; undefined for columns we do not keep (phone numbers, levels …). */
export function fieldOfHeader(header: string): MemberField | undefined {
  return BY_ALIAS.get(header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_\-()（）]/gu, ''));
}

export const REQUIRED_FIELDS: readonly MemberField[] = ['customerId', 'birthday'];
export const labelOf = (field: MemberField): string => LABEL[field];

const CUSTOMER_ID = /^[\w@.-]{1,128}$/;

export interface RowContext {
  org: Org;
  /** Today in China (YYYY-MM-DD): birthdays and purchases cannot be in the future. */
  today: string;
}

export type RowResult = { ok: true; member: LifecycleMember } | { ok: false; customerId?: string; reasons: string[] };

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  return s === '' ? undefined : s;
}

function storeOf(org: Org, raw: string): string | undefined {
  return org.stores.find((s) => s.id === raw || s.name === raw)?.id;
}

function guideOf(org: Org, raw: string): string | undefined {
  const byId = org.member(raw);
  if (byId) return byId.role === 'guide' ? byId.userId : undefined;
  const named = org.members().filter((m) => m.role === 'guide' && m.name === raw);
  return named.length === 1 ? named[0]?.userId : undefined;
}

function readDate(field: MemberField, value: unknown, reasons: string[], notAfter?: string): string | undefined {
  if (typeof value === 'number') {
    reasons.push(`${LABEL[field]}请写成日期（YYYY-MM-DD），不要写成数字 ${value}`);
    return undefined;
  }
  const raw = text(value);
  if (raw === undefined) return undefined;
  const day = field === 'birthday' ? parseBirthday(raw) : parseDay(raw);
  if (!day) reasons.push(`${LABEL[field]}“${raw}”不是有效日期（写作 ${field === 'birthday' ? 'MM-DD 或 ' : ''}YYYY-MM-DD）`);
  else if (notAfter && day.length === 10 && dayNumber(day) > dayNumber(notAfter)) reasons.push(`${LABEL[field]}“${raw}”晚于今天`);
  else return day;
  return undefined;
}

function readPoints(value: unknown, reasons: string[]): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const cleaned = raw.replace(/,/g, '');
  if (!/^\d{1,12}$/.test(cleaned)) {
    reasons.push(`积分余额“${raw}”应为不小于 0 的整数`);
    return undefined;
  }
  return Number(cleaned);
}

export function readMemberRow(values: Partial<Record<MemberField, unknown>>, ctx: RowContext): RowResult {
  const reasons: string[] = [];
  for (const [field, value] of Object.entries(values) as Array<[MemberField, unknown]>) {
    if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') reasons.push(`${LABEL[field]}应为文字或数字`);
  }
  const customerId = text(values.customerId);
  if (!customerId) reasons.push('缺少客户ID（external_userid）');
  else if (!CUSTOMER_ID.test(customerId)) reasons.push(`客户ID“${customerId.slice(0, 40)}”含不允许的字符`);
  const name = text(values.name);
  if (name && [...name].length > 64) reasons.push('姓名超过 64 个字');
  const birthday = readDate('birthday', values.birthday, reasons, ctx.today);
  if (text(values.birthday) === undefined) reasons.push('缺少生日');
  const lastPurchaseAt = readDate('lastPurchaseAt', values.lastPurchaseAt, reasons, ctx.today);
  const pointsExpireAt = readDate('pointsExpireAt', values.pointsExpireAt, reasons);
  const pointsBalance = readPoints(values.pointsBalance, reasons);
  const storeRaw = text(values.storeId);
  const storeId = storeRaw === undefined ? undefined : storeOf(ctx.org, storeRaw);
  if (storeRaw !== undefined && !storeId) reasons.push(`门店“${storeRaw}”不在组织架构中`);
  const guideRaw = text(values.guideId);
  const guideId = guideRaw === undefined ? undefined : guideOf(ctx.org, guideRaw);
  if (guideRaw !== undefined && !guideId) reasons.push(`导购“${guideRaw}”不是组织架构中的导购（写导购的企业微信 userid）`);
  if (reasons.length > 0 || !customerId || !birthday) return { ok: false, ...(customerId ? { customerId } : {}), reasons };
  return {
    ok: true,
    member: {
      customerId,
      ...(name ? { name } : {}),
      birthday,
      ...(lastPurchaseAt ? { lastPurchaseAt } : {}),
      ...(pointsBalance !== undefined ? { pointsBalance } : {}),
      ...(pointsExpireAt ? { pointsExpireAt } : {}),
      ...(storeId ? { storeId } : {}),
      ...(guideId ? { guideId } : {}),
    },
  };
}
