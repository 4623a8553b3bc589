// Offline number blocks: per local day and matter, numbers the site object sets aside for the agent that
// keeps the hall running while the office is cut off. The agent numbers offline walk-ins from the block;
// the cloud's own numbering jumps over every block, so offline and online numbers never clash.
import type { OfflineBlock } from "../../protocol/continuity.ts";

/** Where a block starts while the day's numbers are still below it. */
export const BLOCK_FIRST = 500;
/** How many numbers a block holds. */
export const BLOCK_SIZE = 500;

/**
 * A new block for a matter on a day, above every number given or set aside there: `highest` is the larger
 * of the day's counter and the last number of any block already reserved. 500..999 while that is below
 * 500; otherwise from the next hundred above it plus 100.
 */
export function newBlock(day: string, matterId: string, highest: number): OfflineBlock {
  const first = highest < BLOCK_FIRST ? BLOCK_FIRST : (Math.floor(highest / 100) + 1) * 100 + 100;
  return { day, matterId, first, last: first + BLOCK_SIZE - 1 };
}

/** The cloud's next number: `next`, or the first number after any block it falls in. */
export function skipBlocks(next: number, blocks: readonly { first: number; last: number }[]): number {
  let n = next;
  for (let moved = true; moved; ) {
    moved = false;
    for (const b of blocks) {
      if (n >= b.first && n <= b.last) {
        n = b.last + 1;
        moved = true;
      }
    }
  }
  return n;
}

/** The local day after `day` (YYYY-MM-DD), by the calendar. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}
