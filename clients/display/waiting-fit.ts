// How the waiting list fits its panel, whatever the number of matters: as many columns as the names
// leave room for, rows as tall as the space allows (never below a size readable from across the hall),
// and pages shown in turn when even the smallest rows cannot hold every matter. Pure, for waiting-panel.tsx.

export interface FitInput {
  /** Matters to show. */
  count: number;
  /** The list's box, in pixels. */
  width: number;
  height: number;
  /** Space between rows, and between columns. */
  gap: number;
  columnGap: number;
  /** Narrowest column that still shows a matter's name readably. */
  minColumn: number;
  /** Row height when there is room, and the smallest one still readable from afar. */
  rowHeight: number;
  minRowHeight: number;
}

export interface WaitingFit {
  columns: number;
  /** Rows of one page. */
  rows: number;
  rowHeight: number;
  /** Matters on one page (columns × rows). */
  perPage: number;
  pages: number;
}

/** Rows of at least `min` pixels that fit in `height`, with gaps between them. */
function rowsFitting(height: number, min: number, gap: number): number {
  return Math.max(1, Math.floor((height + gap) / (min + gap)));
}

/**
 * The layout with the fewest pages, and among those the fewest columns (the longest names), with rows
 * as tall as the space lets them be, up to `rowHeight`.
 */
export function fitWaiting(f: FitInput): WaitingFit {
  const count = Math.max(1, f.count);
  const maxColumns = Math.max(1, Math.floor((f.width + f.columnGap) / (f.minColumn + f.columnGap)));
  const maxRows = rowsFitting(f.height, f.minRowHeight, f.gap);
  let best: WaitingFit | null = null;
  for (let columns = 1; columns <= maxColumns; columns++) {
    const pages = Math.ceil(count / (columns * maxRows));
    // The matters spread evenly over the pages: a last page of one matter would look like a fault.
    const rows = Math.ceil(Math.ceil(count / pages) / columns);
    const perPage = columns * rows;
    const room = (f.height - f.gap * (rows - 1)) / rows;
    const rowHeight = Math.max(f.minRowHeight, Math.min(f.rowHeight, Math.floor(room)));
    const fit = { columns, rows, rowHeight, perPage, pages };
    if (!best || pages < best.pages) best = fit;
    if (pages === 1) break;
  }
  return best ?? { columns: 1, rows: 1, rowHeight: f.minRowHeight, perPage: 1, pages: count };
}

/** The matters of one page (pages counted from 0, wrapping around). */
export function pageOf<T>(items: readonly T[], fit: Pick<WaitingFit, "perPage" | "pages">, page: number): T[] {
  const p = ((page % fit.pages) + fit.pages) % fit.pages;
  return items.slice(p * fit.perPage, (p + 1) * fit.perPage);
}
