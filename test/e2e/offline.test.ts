// Offline and back: the group screen loses its connection while calls happen, says so, reconnects
// by itself and ends showing the right state; a missed update (a gap in seq) makes it resync.
import type { Browser, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  attrNow,
  base,
  desk,
  eventually,
  expectAttr,
  expectHidden,
  expectText,
  issue,
  launch,
  newPage,
  SIZES,
  screenshot,
  signIn,
  token,
} from "./helpers.ts";

/** Desk 2's tickets in these tests: "Zameldowanie", called by id so nothing else interferes. */
describe("group screen offline and back", () => {
  let browser: Browser;
  let kiosk: string;
  let clerk: string;

  beforeAll(async () => {
    browser = await launch();
    kiosk = await token("kiosk-demo");
    clerk = await token("urzednik2");
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openDisplay(prepare?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.display });
    await prepare?.(page);
    await page.goto(`${base()}/display/demo`);
    await signIn(page, "ekran-demo");
    await expectAttr(page.locator(".display"), "data-conn", "online");
    return page;
  }

  const waitingZ = (page: Page) => page.locator('[data-matter="meldunek"] .waiting-count');

  test("network cut: offline banner, calls missed meanwhile, right state after reconnecting", async () => {
    const t1 = await issue(kiosk, "meldunek");
    const t2 = await issue(kiosk, "meldunek");
    const t3 = await issue(kiosk, "meldunek");
    const page = await openDisplay();
    await expectText(waitingZ(page), "3");

    await page.context().setOffline(true);
    await expectAttr(page.locator(".display"), "data-conn", "offline");
    await expectText(page.getByRole("status").filter({ hasText: "Brak połączenia" }), "Brak połączenia z serwerem");

    // Meanwhile at desk 2: t1 is called and served, t2 is called.
    await desk(clerk, "d2", "call", { ticketId: t1.id });
    await desk(clerk, "d2", "finish");
    await desk(clerk, "d2", "call", { ticketId: t2.id });
    // Still offline: the screen cannot know yet.
    await new Promise((r) => setTimeout(r, 500));
    expect(await attrNow(page.getByTestId("newest-call"), "data-number")).not.toBe(t2.number);
    await screenshot(page, "display-offline");

    await page.context().setOffline(false);
    await expectAttr(page.locator(".display"), "data-conn", "online", 15_000);
    await expectHidden(page.locator(".conn-banner"));
    await expectAttr(page.getByTestId("newest-call"), "data-number", t2.number);
    await expectText(page.getByTestId("newest-call"), "Stanowisko 2");
    await expectText(page.getByTestId("previous-calls"), t1.number);
    await expectText(waitingZ(page), "1");
    await screenshot(page, "display-after-reconnect");

    // And it keeps following: the next call arrives live.
    await desk(clerk, "d2", "finish");
    await desk(clerk, "d2", "call", { ticketId: t3.id });
    await expectAttr(page.getByTestId("newest-call"), "data-number", t3.number, 1_000);
    await expectText(waitingZ(page), "0");
    await desk(clerk, "d2", "finish");
    await page.context().close();
  });

  test("socket closed by the network: reconnects with backoff and catches up", async () => {
    const routes: WebSocketRoute[] = [];
    const page = await openDisplay(async (p) => {
      await p.routeWebSocket(/\/live\?/, (ws) => {
        routes.push(ws);
        ws.connectToServer();
      });
    });
    expect(routes.length).toBe(1);
    const t1 = await issue(kiosk, "meldunek");

    // The connection dies; a call happens before the screen is back.
    await routes[0]!.close({ code: 1006 });
    await expectAttr(page.locator(".display"), "data-conn", "offline");
    await desk(clerk, "d2", "call", { ticketId: t1.id });

    await expectAttr(page.locator(".display"), "data-conn", "online", 15_000);
    expect(routes.length).toBeGreaterThanOrEqual(2);
    await expectAttr(page.getByTestId("newest-call"), "data-number", t1.number);
    await desk(clerk, "d2", "finish");
    await page.context().close();
  });

  test("a lost update (gap in seq) makes the screen ask for a resync", async () => {
    const fromPage: string[] = [];
    let dropNextUpdate = false;
    const page = await openDisplay(async (p) => {
      await p.routeWebSocket(/\/live\?/, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((m) => {
          fromPage.push(String(m));
          server.send(m);
        });
        server.onMessage((m) => {
          if (dropNextUpdate && String(m).startsWith('{"type":"update"')) {
            dropNextUpdate = false;
            return;
          }
          ws.send(m);
        });
      });
    });
    const t1 = await issue(kiosk, "meldunek");
    await expectText(waitingZ(page), "1");

    // This update never reaches the screen…
    dropNextUpdate = true;
    await desk(clerk, "d2", "call", { ticketId: t1.id });
    await new Promise((r) => setTimeout(r, 500));
    expect(dropNextUpdate).toBe(false);
    expect(await attrNow(page.getByTestId("newest-call"), "data-number")).not.toBe(t1.number);

    // …so the next one does not follow on from what it has: it asks for a snapshot.
    const t2 = await issue(kiosk, "meldunek");
    await eventually("a resync request from the screen", () => fromPage.includes('{"type":"resync"}'));
    await expectText(waitingZ(page), "1");
    await expectAttr(page.getByTestId("newest-call"), "data-number", t1.number);
    await desk(clerk, "d2", "finish");
    await desk(clerk, "d2", "call", { ticketId: t2.id });
    await expectAttr(page.getByTestId("newest-call"), "data-number", t2.number);
    await desk(clerk, "d2", "finish");
    await page.context().close();
  });
});
