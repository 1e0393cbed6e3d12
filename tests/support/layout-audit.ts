import type { Frame, Page } from 'playwright-core';

/** The smallest tap target we accept on a phone (WCAG 2.5.8 asks 24 px; WeCom's own buttons are ≥ 32). */
export const MIN_TAP_PX = 32;

/**
 * What a person at phone width would meet on the page or frame as it is shown now, one line per problem:
 * - an element that sticks out of the box that clips it (or out of the viewport), unless that box scrolls;
 * - text cut with an ellipsis;
 * - a button, tab or link whose label breaks onto a second line (「以客户身份发/送」);
 * - a tap target (link, button, field, summary, tab) under MIN_TAP_PX in either direction;
 * - a short label (a status, a badge: no spaces, ≤ 8 characters) broken over two lines (「实/时」);
 * - a box that scrolls sideways over hidden content without a cue (a background shadow) that there is more.
 * Hidden and zero-size elements are skipped; links inside running text are not tap targets of their own.
 */
export function auditLayout(on: Page | Frame): Promise<string[]> {
  return on.evaluate((minTap) => {
    const problems: string[] = [];
    const name = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
      return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ''}`;
    };
    const shown = (el: Element): boolean => {
      if (el.closest('[hidden], svg *, select *, [aria-hidden="true"]')) return false;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && style.display !== 'contents' && Number(style.opacity) > 0;
    };
    /** The nearest ancestor that clips horizontally, or null for the viewport. */
    const clipper = (el: Element): Element | null => {
      for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
        const { overflowX } = getComputedStyle(up);
        if (overflowX !== 'visible') return up;
      }
      return null;
    };
    /** Lines the text of `el` takes: its text boxes, with boxes whose heights overlap counted as one line. */
    const lineCount = (el: Element): number => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const box of boxes) {
        if (box.top >= bottom - 2) lines++;
        bottom = Math.max(bottom, box.bottom);
      }
      return lines;
    };
    const viewport = document.documentElement.clientWidth;
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el)) continue;
      const style = getComputedStyle(el);
      if (style.position === 'fixed') continue;
      const rect = el.getBoundingClientRect();
      const box = clipper(el);
      if (box && /auto|scroll/.test(getComputedStyle(box).overflowX)) {
        // Content inside a horizontal scroller is reachable when the scroller says there is more.
        const hidden = box.scrollWidth > box.clientWidth + 1;
        const cue = getComputedStyle(box).backgroundImage !== 'none' || box.getAttribute('role') === 'tablist';
        if (hidden && !cue && !problems.some((p) => p.startsWith(`scrolls without a cue: ${name(box)}`))) problems.push(`scrolls without a cue: ${name(box)}`);
      } else {
        const edge = box ? box.getBoundingClientRect() : { left: 0, right: viewport };
        if (rect.right > edge.right + 1 || rect.left < edge.left - 1) problems.push(`overflows ${box ? name(box) : 'the viewport'} by ${Math.round(Math.max(rect.right - edge.right, edge.left - rect.left))} px: ${name(el)}`);
      }
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push(`text cut with …: ${name(el)}`);
      const text = (el.textContent ?? '').trim();
      if (el.children.length === 0 && text.length > 0 && text.length <= 8 && !/\s/.test(text)) {
        const lines = lineCount(el);
        if (lines > 1) problems.push(`short label broken over ${lines} lines: ${name(el)}`);
      }
    }
    const targets = 'a[href], button, select, input:not([type="hidden"]), textarea, summary, [role="button"], [role="tab"]';
    for (const el of document.body.querySelectorAll(targets)) {
      if (!shown(el)) continue;
      const inText = el.tagName === 'A' && el.closest('p, li.text, .prose') !== null;
      const rect = el.getBoundingClientRect();
      if (!inText && (rect.height < minTap - 0.5 || rect.width < minTap - 0.5)) problems.push(`tap target ${Math.round(rect.width)}×${Math.round(rect.height)} px: ${name(el)}`);
      if (el.matches('button, [role="tab"], a[href]') && !inText) {
        const lines = lineCount(el);
        if (lines > 1) problems.push(`label breaks onto ${lines} lines: ${name(el)}`);
      }
    }
    return problems;
  }, MIN_TAP_PX);
}
