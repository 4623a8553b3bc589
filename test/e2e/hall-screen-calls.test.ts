// Four desks calling within a second: on the hall screen each call has its turn large, in the order
// the calls were made, for a few seconds each, with its own chime; none goes straight into the history.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { callNext, createHallSite, matterIds, takeTicket } from "./hall-screen-site.ts";
import { base, eventually, expectText, launch, newPage, SIZES, signIn } from "./helpers.ts";

describe("hall screen: calls made at the same moment", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("each of four calls within a second is shown large in turn, and chimes", async () => {
    const siteId = `e2e-hall-turns-${Date.now().toString(36)}`;
    const admin = await createHallSite(siteId, { matters: 4, desks: 4 });
    const tickets = [];
    for (const id of matterIds(4)) tickets.push(await takeTicket(admin, siteId, id));

    const page = await newPage(browser, { viewport: SIZES.display });
    await page.goto(`${base()}/display/${siteId}`);
    await signIn(page, "admin", "admin");
    await expectText(page.locator(".waiting-list"), "Rejestracja pojazdu 1");
    // The page keeps every number shown large, with when it came.
    await page.evaluate(() => {
      const seen: { number: string; at: number }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const note = () => {
        const number = document.querySelector<HTMLElement>('[data-testid="newest-call"]')?.dataset.number;
        if (number && seen.at(-1)?.number !== number) seen.push({ number, at: performance.now() });
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });

    await Promise.all(["s1", "s2", "s3", "s4"].map((desk) => callNext(admin, siteId, desk)));
    const seen = () => page.evaluate(() => (window as unknown as { seen: { number: string; at: number }[] }).seen);
    await eventually("four calls shown large", async () => (await seen()).length >= 4, 25_000);
    // The last one stays: nothing else is shown after it.
    await page.waitForTimeout(1_000);
    const shown = await seen();
    expect(shown.map((s) => s.number).sort()).toEqual(tickets.map((t) => t.number).sort());
    // Each stayed large for a few seconds before the next.
    for (let i = 1; i < shown.length; i++) expect(shown[i]!.at - shown[i - 1]!.at).toBeGreaterThanOrEqual(3_000);
    // In the order the calls were made: the history, newest first, is the turns before the last, backwards.
    const history = await page.locator(".previous-number").allInnerTexts();
    expect(history).toEqual(
      shown
        .slice(0, 3)
        .map((s) => s.number)
        .reverse(),
    );
    expect(await page.evaluate(() => document.documentElement.dataset.newCalls)).toBe("4");
    expect(await page.evaluate(() => document.documentElement.dataset.chimes)).toBe("4");
    await page.context().close();
  });
});
