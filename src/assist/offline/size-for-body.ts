/**
 * A letter size from the body told ("一米六二 一百一十斤"), on the women's or the men's chart.
 */
const FEMALE: [number, string][] = [[0, 'XS'], [153, 'S'], [158, 'M'], [163, 'L'], [168, 'XL']];
const MALE: [number, string][] = [[163, 'S'], [168, 'M'], [173, 'L'], [178, 'XL'], [183, 'XXL']];
export const ORDER = ['XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

/** A letter size from height (and weight, which can push it one up or down). */
export function sizeForBody(body: { heightCm?: number; weightJin?: number }, male: boolean): string | undefined {
  const chart = male ? MALE : FEMALE;
  let index = 0;
  if (body.heightCm !== undefined) {
    chart.forEach(([min], i) => {
      if ((body.heightCm ?? 0) >= min) index = i;
    });
  } else if (body.weightJin !== undefined) {
    const w = body.weightJin;
    index = male ? (w < 120 ? 0 : w < 135 ? 1 : w < 150 ? 2 : w < 170 ? 3 : 4) : w < 90 ? 0 : w < 100 ? 1 : w < 115 ? 2 : w < 130 ? 3 : 4;
    // Beyond the chart the next size up (a woman of 150 斤+ wears XXL).
    if (!male && w >= 150) return 'XXL';
    if (male && w >= 190) return 'XXXL';
    return chart[index]?.[1];
  }
  if (body.heightCm !== undefined && body.weightJin !== undefined) {
    // Heavier for the height moves it up, a size for about each eighth over (155cm 130斤 → L).
    const ratio = body.weightJin / ((body.heightCm - 105) * 2);
    const steps = ratio > 1.4 ? 3 : ratio > 1.25 ? 2 : ratio > 1.12 ? 1 : ratio < 0.78 ? -2 : ratio < 0.9 ? -1 : 0;
    const sized = ORDER.indexOf(chart[index]?.[1] ?? 'M') + steps;
    return ORDER[Math.max(0, Math.min(ORDER.length - 1, sized))];
  }
  return chart[index]?.[1];
}
