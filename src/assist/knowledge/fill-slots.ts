/**
 * Fills a library text's slots with what is known for this guide and customer (the focus product's catalog
 * name and price, the guide's and store's names, the customer's name) and reports the slots still open,
 * so the sidebar can ask the guide to pick a product instead of offering a broken text for sending.
 */
import { findSlots } from '../guardrails/find-slots.ts';

export type SlotValues = Partial<Record<'product_name' | 'price' | 'store_name' | 'guide_name' | 'customer_name', string>>;

export interface FilledText {
  text: string;
  /** Canonical names of the slots nothing could fill, in order; empty when the text is complete. */
  slots: string[];
}

/** Catalog prices as a guide writes them: 1299, 89.9 → "89.90" is not how prices are quoted here. */
export function priceText(price: number): string {
  return Number.isInteger(price) ? String(price) : price.toFixed(2);
}

export function fillSlots(text: string, values: SlotValues): FilledText {
  const open: string[] = [];
  let out = '';
  let at = 0;
  for (const hit of findSlots(text)) {
    const value = values[hit.name as keyof SlotValues];
    out += text.slice(at, hit.start);
    if (value !== undefined) out += value;
    else {
      out += text.slice(hit.start, hit.end);
      if (!open.includes(hit.name)) open.push(hit.name);
    }
    at = hit.end;
  }
  out += text.slice(at);
  // A greeting whose customer name was unknown starts with the comma that followed it.
  return { text: out.replace(/^[，,、\s]+/u, ''), slots: open };
}
