// The hall screen keeps the called number in sight whatever the office offers: with 1, 13 (Koszalin's
// town hall) and 30 matters (with the longest ticker line), landscape and portrait, the number is on top
// of everything and wholly on the screen, and every matter's row is seen whole (on one page, or on the
// pages shown in turn).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { callNext, createHallSite, matterIds, takeTicket } from "./hall-screen-site.ts";
import { base, expectAttr, launch, newPage, SIZES, screenshot, signIn } from "./helpers.ts";

/** Where the called number is, and whether it is on top at its centre and near each corner. */
async function numberInSight(page: Page): Promise<{ inside: boolean; onTop: boolean[] }> {
  return page.evaluate(() => {
    const el = document.querySelector(".newest-number");
    if (!el) return { inside: false, onTop: [] };
    const r = el.getBoundingClientRect();
    const inside = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    const inset = 4;
    const points: [number, number][] = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + inset, r.top + inset],
      [r.right - inset, r.top + inset],
      [r.left + inset, r.bottom - inset],
      [r.right - inset, r.bottom - inset],
    ];
    const onTop = points.map(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
    return { inside, onTop };
  });
}

/** The matters whose rows are seen whole now: inside the screen, inside the waiting panel, and on top (not clipped or covered). */
async function rowsInSight(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = document.querySelector(".waiting")?.getBoundingClientRect();
    if (!box) return [];
    const seen: string[] = [];
    for (const li of document.querySelectorAll<HTMLElement>(".waiting-item")) {
      const r = li.getBoundingClientRect();
      const whole =
        r.height > 0 &&
        r.top >= Math.max(0, box.top) - 0.5 &&
        r.bottom <= Math.min(innerHeight, box.bottom) + 0.5 &&
        r.left >= Math.max(0, box.left) - 0.5 &&
        r.right <= Math.min(innerWidth, box.right) + 0.5;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (whole && hit && li.contains(hit)) seen.push(li.dataset.matter ?? "");
    }
    return seen;
  });
}

/** Every matter seen whole, page by page; the pages must change by themselves. */
async function everyRowSeen(page: Page, all: string[]): Promise<number> {
  const list = page.getByTestId("waiting-list");
  // A list without pages is one page.
  const pages = Number((await list.getAttribute("data-pages")) ?? "1");
  const seen = new Set<string>();
  for (let p = 0; p < pages; p++) {
    if (pages > 1) await expectAttr(list, "data-page", String(p), 20_000);
    for (const id of await rowsInSight(page)) seen.add(id);
  }
  expect([...seen].sort()).toEqual([...all].sort());
  return pages;
}

describe("hall screen: the called number is never hidden", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const count of [1, 13, 30]) {
    test(`${count} matter(s): the number is on top and on the screen, every matter is seen, in both orientations`, async () => {
      const siteId = `e2e-hall-fit-${count}-${Date.now().toString(36)}`;
      // With many matters, a ticker line of the longest kind too: it takes height from the rest.
      const ticker =
        count > 1 ? { ticker: `${"Urząd czynny w piątek 4 grudnia do 13:00, w sobotę nieczynny. ".repeat(4)}`.slice(0, 200) } : {};
      const admin = await createHallSite(siteId, { matters: count, extra: ticker });
      const all = matterIds(count);
      const ticket = await takeTicket(admin, siteId, all[all.length - 1]!);
      for (const id of all.slice(0, 3)) await takeTicket(admin, siteId, id);
      await callNext(admin, siteId, "s1");

      const page = await newPage(browser, { viewport: SIZES.display });
      await page.goto(`${base()}/display/${siteId}`);
      await signIn(page, "admin", "admin");
      await expectAttr(page.getByTestId("newest-call"), "data-number", ticket.number);

      for (const [orientation, size] of [
        ["landscape", SIZES.display],
        ["portrait", SIZES.displayPortrait],
      ] as const) {
        await page.setViewportSize(size);
        // The list fits itself to its new box within a frame or two.
        await page.waitForTimeout(500);
        const pages = await everyRowSeen(page, all);
        const sight = await numberInSight(page);
        expect(sight, `${orientation}, ${count} matters`).toEqual({ inside: true, onTop: [true, true, true, true, true] });
        if (count === 13) await screenshot(page, `display-13-matters-${orientation}`);
        if (count === 1) expect(pages).toBe(1);
      }
      await page.context().close();
    });
  }
});
