// The e-ticket's browser notification (Web Push) in Chromium on a phone: offered beside the SMS alert,
// reached and used with the keyboard, its state said in words (asking, on, refused, failed), not offered
// where the browser has no PushManager; axe-core finds nothing on the page with it.
// Headless Chromium has no push service to subscribe with: with the permission granted, the page asks and
// then says honestly that it could not turn the notification on. A browser whose push service answers is
// stood in for by a subscription the page's PushManager hands back (a push service's URL and a P-256 key),
// so the page's request reaches the server, which stores it, and the page says it is on.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, expectNoViolations, expectText, type Issued, issue, launch, newPage, SIZES, token } from "./helpers.ts";

/** A browser whose push service answers: PushManager hands back a subscription of the loopback push service's shape. */
const FAKE_PUSH_SERVICE = `(() => {
  const bytes = (n, v) => btoa(String.fromCharCode(...new Array(n).fill(v))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const sub = {
    endpoint: "https://push.numerek.test/push/e2e-" + Math.random().toString(36).slice(2),
    toJSON() { return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: "B" + "A".repeat(86), auth: bytes(16, 7) } }; },
  };
  PushManager.prototype.getSubscription = async function () { return null; };
  PushManager.prototype.subscribe = async function (options) {
    if (!options || !options.applicationServerKey || options.applicationServerKey.byteLength !== 65) throw new Error("no server key");
    return sub;
  };
})();`;

describe("e-ticket browser notification", () => {
  let browser: Browser;
  let kiosk: string;
  let tickets: Issued[];

  beforeAll(async () => {
    browser = await launch();
    kiosk = await token("kiosk-demo");
    // Three tickets of "Prawo jazdy": the last waits behind two, so nothing is due at once.
    tickets = [];
    for (let i = 0; i < 3; i++) tickets.push(await issue(kiosk, "prawo-jazdy"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function phone(init?: string, granted = true): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    if (granted) await page.context().grantPermissions(["notifications"], { origin: base() });
    if (init) await page.addInitScript(init);
    return page;
  }

  test("is offered beside the SMS alert, with the keyboard asks the browser, and says it could not be turned on where no push service answers", async () => {
    const page = await phone();
    await page.goto(tickets[2]!.eticketUrl);
    const section = page.locator("section.et-push");
    await expectText(section.getByRole("heading", { level: 2 }), "Powiadomienie w przeglądarce");
    await expectText(section, "Bez podawania numeru telefonu");
    await expectNoViolations(page, "the e-ticket with the browser notification offered");

    await section.getByLabel("Powiadom, gdy przede mną zostanie tyle osób").fill("2");
    await section.getByRole("button", { name: "Włącz powiadomienie w przeglądarce" }).focus();
    await page.keyboard.press("Enter");
    const state = section.getByRole("status");
    await expectText(state, "Nie udało się włączyć powiadomienia w tej przeglądarce", 15_000);
    expect(await state.getAttribute("data-state")).toBe("failed");
    // The offer stays, to try again.
    expect(await section.getByRole("button", { name: "Włącz powiadomienie w przeglądarce" }).isEnabled()).toBe(true);
    await page.context().close();
  });

  test("with a push service that answers, the subscription reaches the server and the page says it is on, also after a reload", async () => {
    const page = await phone(FAKE_PUSH_SERVICE);
    await page.goto(tickets[2]!.eticketUrl);
    const section = page.locator("section.et-push");
    await section.getByLabel("Powiadom, gdy przede mną zostanie tyle osób").fill("1");
    await section.getByRole("button", { name: "Włącz powiadomienie w przeglądarce" }).click();
    const on = "Powiadomienie włączone: damy znać w przeglądarce, gdy przed Tobą będzie 1 osoba, i przy wezwaniu.";
    await expectText(section.getByRole("status"), on, 15_000);
    await expectNoViolations(page, "the e-ticket with the browser notification on");
    await page.reload();
    await expectText(page.locator("section.et-push").getByRole("status"), on);
    // In English, the state in English.
    await page.getByRole("button", { name: "English" }).click();
    await expectText(
      page.locator("section.et-push").getByRole("status"),
      "Notification on: this browser will tell you when 1 person is ahead",
    );
    await page.context().close();
  });

  test("says so when the browser refuses the permission", async () => {
    const page = await phone(undefined, false);
    await page.goto(tickets[1]!.eticketUrl);
    const section = page.locator("section.et-push");
    await section.getByRole("button", { name: "Włącz powiadomienie w przeglądarce" }).click();
    await expectText(section.getByRole("status"), "Ta przeglądarka nie zezwala tej stronie na powiadomienia", 15_000);
    await expectNoViolations(page, "the e-ticket with the browser notification refused");
    await page.context().close();
  });

  test("is not offered where the browser has no PushManager", async () => {
    const page = await phone("delete window.PushManager;");
    await page.goto(tickets[0]!.eticketUrl);
    await expectText(page.locator("section.et-sms").first(), "Powiadomienie SMS");
    expect(await page.locator("section.et-push").count()).toBe(0);
    await page.context().close();
  });
});
