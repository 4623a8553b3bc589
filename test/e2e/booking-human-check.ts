// The booking form's human check in the browser tests: the shared server's Turnstile stand-in
// (test/e2e/server.ts) draws its widget in a frame of its own origin, as Cloudflare's does; a citizen
// ticks "Potwierdź, że jesteś człowiekiem" there. Tests that book through the API take a fresh token
// from the stand-in instead, as the widget would.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { mintToken } from "../../scripts/turnstile-stand-in.mjs";
import { base, expectText } from "./helpers.ts";

/** The widget frame's title, as Cloudflare's widget names it. */
export const WIDGET_TITLE = "Widget containing a Cloudflare security challenge";

export const humanWidget = (page: Page): FrameLocator => page.frameLocator(`iframe[title="${WIDGET_TITLE}"]`);

const BOX_NAMES = { pl: "Potwierdź, że jesteś człowiekiem", en: "Verify you are human", uk: "Підтвердьте, що ви людина" };
const CHECKED = { pl: "Sprawdzenie zakończone.", en: "Check complete.", uk: "Перевірку завершено." };

/** The widget's checkbox, in the page's language when the widget was drawn (Polish unless said). */
export const humanBox = (page: Page, lang: keyof typeof BOX_NAMES = "pl") =>
  humanWidget(page).getByRole("checkbox", { name: BOX_NAMES[lang] });

/** Ticks the widget and waits until the page has its token ("Sprawdzenie zakończone."). */
export async function tickHumanCheck(page: Page, lang: keyof typeof BOX_NAMES = "pl"): Promise<void> {
  await humanBox(page, lang).check();
  await expectText(page.locator(".bk-human [role=status]"), CHECKED[lang]);
}

/** A fresh token for a booking sent through the API, as if ticked on the booking page of the shared server. */
export function humanToken(): Promise<string> {
  return mintToken(inject("turnstileOrigin"), { hostname: new URL(base()).hostname, action: "booking" });
}

/** axe (WCAG 2.0/2.1 A and AA) inside the widget's own frame: the checkbox a citizen must be able to use. */
export async function expectNoViolationsInWidget(page: Page, where: string): Promise<void> {
  const frame = page.frames().find((f) => f.url().includes("/turnstile/v0/frame"));
  expect(frame, `the widget's frame on ${where}`).toBeDefined();
  await frame!.evaluate(await readFile(join(import.meta.dirname, "..", "..", "node_modules", "axe-core", "axe.min.js"), "utf8"));
  const violations = await frame!.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe in the widget on ${where}`).toEqual([]);
}
