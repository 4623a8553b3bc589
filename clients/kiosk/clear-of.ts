// Where the matters go after a department is tapped: never where the department's button was, so that a
// finger that taps again a moment later finds no matter under it. The list moves down by the least that clears it.

/** A box on the page (CSS pixels, document coordinates). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The free space kept between the tapped button's place and the nearest button. */
export const CLEARANCE = 24;

function conflicts(b: Box, shift: number, avoid: Box, gap: number): boolean {
  const across = b.left < avoid.right && b.right > avoid.left;
  return across && b.top + shift < avoid.bottom + gap && b.bottom + shift > avoid.top - gap;
}

/**
 * Pure: how far down (px) to move a list of buttons so that none covers `avoid` (with `gap` to spare):
 * 0 when none does, otherwise the least shift that puts every covering button below it.
 */
export function clearingShift(buttons: readonly Box[], avoid: Box, gap = CLEARANCE): number {
  const candidates = [0, ...buttons.map((b) => avoid.bottom + gap - b.top).filter((d) => d > 0)].sort((a, b) => a - b);
  for (const d of candidates) if (!buttons.some((b) => conflicts(b, d, avoid, gap))) return d;
  return candidates.at(-1) ?? 0;
}

/** An element's box in document coordinates (stays true if the page scrolls between two screens). */
export function pageBox(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
}
