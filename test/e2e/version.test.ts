// A page older than the server: its live socket is closed with 4426 VERSION_UNSUPPORTED. The screen
// says it needs reloading (instead of "reconnecting…" for ever), stops dialling, and its reload button
// brings it back live. The server's side (the close code for an unknown version) is test/workerd/live-version.test.ts.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLOSE, PROTOCOL_VERSION } from "../../protocol/live.ts";
import { base, expectAttr, expectNoViolations, expectText, issue, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

describe("a page of an older protocol version", () => {
  let browser: Browser;
  let kiosk: string;

  beforeAll(async () => {
    browser = await launch();
    kiosk = await token("kiosk-demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Stands in for a server of another version: every live socket is closed with VERSION_UNSUPPORTED while `refuse` holds. */
  async function refusing(page: Page) {
    const state = { refuse: true, urls: [] as string[] };
    await page.routeWebSocket(/\/live(\?|$)/, (ws) => {
      state.urls.push(ws.url());
      if (state.refuse)
        void ws.close({ code: CLOSE.VERSION_UNSUPPORTED, reason: "protocol 1 unsupported (server speaks 2): reload or update" });
      else ws.connectToServer();
    });
    return state;
  }

  test("the group screen says it needs reloading, and dials no more", async () => {
    const page = await newPage(browser, { viewport: SIZES.display });
    const server = await refusing(page);
    await page.goto(`${base()}/display/demo`);
    await signIn(page, "ekran-demo");
    const notice = page.getByRole("alert").filter({ hasText: "odświeżyć" });
    await expectText(notice, "Ten ekran trzeba odświeżyć: serwer działa już w nowszej wersji.");
    await expectAttr(page.locator(".conn-banner"), "data-conn", "version");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(server.urls).toHaveLength(1);
    expect(new URL(server.urls[0]!).searchParams.get("protocol")).toBe(String(PROTOCOL_VERSION));
    await expectNoViolations(page, "group screen, version refused");
    await page.context().close();
  });

  test("the e-ticket says so too, and its reload button brings it back live", async () => {
    const tk = await issue(kiosk, "meldunek");
    const page = await newPage(browser, { viewport: SIZES.phone });
    const server = await refusing(page);
    await page.goto(tk.eticketUrl);
    await expectText(page.getByTestId("et-number"), tk.number);
    await expectText(page.getByRole("alert").filter({ hasText: "odświeżyć" }), "Ten ekran trzeba odświeżyć");
    await expectNoViolations(page, "e-ticket, version refused");

    server.refuse = false;
    await page.getByRole("button", { name: "Odśwież" }).click();
    await expectText(page.locator(".et-live"), /.+/, 15_000);
    expect(await page.locator('[data-conn="version"]').count()).toBe(0);
    await page.context().close();
  });
});
