// A slow double tap on a department (120, 400 or 700 ms between the taps) gives no ticket: the new screen
// ignores taps for a moment and no matter sits where the department's button was. A deliberate tap later does;
// a keyboard works the same way.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, expectText, launch, newPage, queueTickets, SIZES, signIn, token } from "./helpers.ts";

const DEPARTMENTS = ["Wydział Spraw Obywatelskich", "Wydział Komunikacji"];
const ORIENTATIONS = [
  ["portrait", SIZES.kiosk],
  ["landscape", SIZES.display],
] as const;

describe("kiosk: a slow double tap", () => {
  let browser: Browser;
  let staff: string;

  beforeAll(async () => {
    browser = await launch();
    staff = await token("admin", "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openKiosk(viewport: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, { viewport, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo`);
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  const waiting = async () => (await queueTickets(staff)).filter((t) => t.status === "waiting").length;

  test("by keyboard the same: Enter on a matter the moment it appears does nothing, a moment later it takes the ticket", async () => {
    const page = await openKiosk(SIZES.kiosk);
    const before = await waiting();
    await page.getByRole("button", { name: DEPARTMENTS[0], disabled: false }).focus();
    await page.keyboard.press("Enter");
    // Informacja: the demo's matter whose tickets no other test counts (each file has its own).
    const matter = page.locator('[data-matter="informacja"]');
    await matter.focus();
    await page.keyboard.press("Enter");
    await page.waitForTimeout(900);
    expect(await page.getByTestId("kiosk-ticket").count()).toBe(0);
    expect(await waiting()).toBe(before);
    // The focus stayed on the matter; Enter now is a deliberate choice.
    expect(await matter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
    expect(await waiting()).toBe(before + 1);
    await page.context().close();
  });

  for (const [orientation, viewport] of ORIENTATIONS) {
    test(`${orientation}: a second tap 120-700 ms after a department's issues nothing, a deliberate tap later does`, async () => {
      const page = await openKiosk(viewport);
      const posts: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "POST" && r.url().endsWith("/tickets")) posts.push(r.url());
      });
      const before = await waiting();

      for (const name of DEPARTMENTS) {
        for (const gap of [120, 400, 700]) {
          // The start screen is ready for a tap: the finger taps the department, then the same point again.
          const department = page.getByRole("button", { name, disabled: false });
          await department.waitFor();
          const box = (await department.boundingBox())!;
          const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
          await page.touchscreen.tap(x, y);
          await page.waitForTimeout(gap);
          await page.touchscreen.tap(x, y);
          // Time for a ticket to be asked for, had the second tap chosen a matter.
          await page.waitForTimeout(900);
          expect(posts, `${name}, ${gap} ms`).toEqual([]);
          expect(await page.getByTestId("kiosk-ticket").count(), `${name}, ${gap} ms`).toBe(0);
          await page.getByRole("heading", { name: "Wybierz sprawę" }).waitFor({ timeout: 1_000 });
          expect(await waiting(), `${name}, ${gap} ms`).toBe(before);
          await page.getByRole("button", { name: "Wstecz" }).tap();
          await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
        }
      }

      // A deliberate tap on a matter, once the citizen has seen it, takes the ticket.
      await page.getByRole("button", { name: DEPARTMENTS[0] }).tap();
      await page.getByRole("button", { name: /Informacja/ }).tap();
      await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
      expect(await waiting()).toBe(before + 1);
      await page.context().close();
    });
  }
});
