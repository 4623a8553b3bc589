import { describe, expect, it } from "vitest";
import { fitWaiting, pageOf } from "./waiting-fit.ts";

// A landscape screen's waiting column (about 770 × 850 px) and a portrait screen's lower part.
const COLUMN = { width: 770, height: 850, gap: 12, columnGap: 30, minColumn: 430, rowHeight: 66, minRowHeight: 50 };
const PORTRAIT = { width: 1010, height: 700, gap: 12, columnGap: 30, minColumn: 430, rowHeight: 66, minRowHeight: 50 };

describe("fitWaiting", () => {
  it("shows one matter in one full-size row", () => {
    expect(fitWaiting({ ...COLUMN, count: 1 })).toEqual({ columns: 1, rows: 1, rowHeight: 66, perPage: 1, pages: 1 });
  });

  it("fits Koszalin's 13 matters on one page, shrinking the rows rather than cutting one off", () => {
    const fit = fitWaiting({ ...COLUMN, count: 13 });
    expect(fit).toMatchObject({ columns: 1, rows: 13, pages: 1 });
    expect(fit.rowHeight * 13 + 12 * 12).toBeLessThanOrEqual(850);
    expect(fit.rowHeight).toBeGreaterThanOrEqual(50);
  });

  it("takes a second column when one column would need rows too small to read", () => {
    const fit = fitWaiting({ ...PORTRAIT, count: 13 });
    expect(fit).toMatchObject({ columns: 2, rows: 7, pages: 1 });
    expect(fit.rowHeight).toBeGreaterThanOrEqual(50);
  });

  it("pages through matters that do not fit even in the smallest rows", () => {
    const fit = fitWaiting({ ...COLUMN, count: 30 });
    expect(fit.columns).toBe(1);
    expect(fit.rowHeight).toBeGreaterThanOrEqual(50);
    expect(fit.perPage * fit.pages).toBeGreaterThanOrEqual(30);
    expect(fit.pages).toBe(3);
    expect(fit.perPage).toBe(10);
  });

  it("never draws rows taller than the space it has", () => {
    for (let count = 1; count <= 30; count++) {
      const fit = fitWaiting({ ...PORTRAIT, count });
      expect(fit.rows * fit.rowHeight + (fit.rows - 1) * 12).toBeLessThanOrEqual(700);
      expect(fit.perPage * fit.pages).toBeGreaterThanOrEqual(count);
    }
  });
});

describe("pageOf", () => {
  it("gives each page its matters and wraps around to the first", () => {
    const items = Array.from({ length: 5 }, (_, i) => i);
    const fit = { perPage: 2, pages: 3 };
    expect(pageOf(items, fit, 0)).toEqual([0, 1]);
    expect(pageOf(items, fit, 2)).toEqual([4]);
    expect(pageOf(items, fit, 3)).toEqual([0, 1]);
  });
});
