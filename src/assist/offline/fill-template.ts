/**
 * Script placeholders filled from the catalog and the profile. A placeholder that cannot be filled
 * makes the script unusable (undefined), except the customer's name, which a greeting can do without.
 */

export interface FillValues {
  customer_name?: string | undefined;
  guide_name?: string | undefined;
  product_name?: string | undefined;
  /** From the catalog only. */
  price?: number | undefined;
  store_name?: string | undefined;
}

const PLACEHOLDER = /\{([a-z_]+)\}/gu;

export function formatPrice(price: number): string {
  return Number.isInteger(price) ? String(price) : price.toFixed(2);
}

function tidy(text: string): string {
  return text
    .replace(/^[，,、\s]+/u, '')
    .replace(/([，,])\s*[，,]/gu, '$1')
    .replace(/(好的|嗨|哈喽)\s*([，,])/u, '$1$2')
    .trim();
}

export function fillTemplate(template: string, values: FillValues): string | undefined {
  let missing = false;
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => {
    if (name === 'customer_name') return values.customer_name ?? '';
    if (name === 'price') {
      if (values.price === undefined) missing = true;
      return values.price === undefined ? '' : formatPrice(values.price);
    }
    const value = name === 'guide_name' ? values.guide_name : name === 'product_name' ? values.product_name : name === 'store_name' ? values.store_name : undefined;
    if (value === undefined || value.length === 0) missing = true;
    return value ?? '';
  });
  if (missing) return undefined;
  const text = tidy(filled);
  return /\{[a-z_]+\}/u.test(text) || text.length === 0 ? undefined : text;
}

export function placeholdersOf(template: string): Set<string> {
  return new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
}
