// The e-ticket page on a 360-pixel phone: Polish plural forms for people and minutes, English on
// request, the SMS alert (refusals in words; set at 2 ahead, then sent exactly once after two calls),
// the numbers being served now, what makes a phone in a pocket notice the call,
// and a clear message for an unknown link and for one whose day has ended.
import type { Browser, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { estimatedWaitRangeText } from "../../protocol/wait-wording.ts";
import {
  base,
  call,
  desk,
  eventually,
  expectHidden,
  expectNoViolations,
  expectText,
  type Issued,
  issue,
  launch,
  newPage,
  queueTickets,
  SIZES,
  screenshot,
  token,
} from "./helpers.ts";

interface OutboxMessage {
  siteId: string;
  to: string;
  kind: string;
  body: string;
}

const outboxTo = async (to: string): Promise<OutboxMessage[]> =>
  (await call<{ messages: OutboxMessage[] }>("/api/v1/dev/outbox")).messages.filter((m) => m.to === to);

/** Empties desk d3's line (its current client, tickets sent to it, and waiting "Rejestracja pojazdu"). */
async function clearDeskD3(admin: string): Promise<void> {
  const { desks } = await call<{ desks: { id: string; ticket: unknown }[] }>("/api/v1/sites/demo/queue", { token: admin });
  if (desks.find((d) => d.id === "d3")?.ticket) await desk(admin, "d3", "finish");
  const line = (await queueTickets(admin)).filter(
    (t) => t.status === "waiting" && (t.deskId === "d3" || (t.deskId === null && t.matterId === "rejestracja")),
  );
  for (const t of line) {
    await desk(admin, "d3", "call", { ticketId: t.id });
    await desk(admin, "d3", "finish");
  }
}

/** Polish plural category, written out independently of the client's Intl.PluralRules. */
function plForm(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}

describe("e-ticket", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("people ahead use Polish plural forms (one, few, many), the wait its range, and English on request", async () => {
    const kiosk = await token("kiosk-demo");
    // "Prawo jazdy" is nobody else's in these tests: tickets 2, 3 and 6 have 1, 2 and 5 people ahead.
    const tickets: (Issued & { waitingAhead: number; estimatedWait: { low: number; high: number } })[] = [];
    for (let i = 0; i < 6; i++) tickets.push((await issue(kiosk, "prawo-jazdy")) as (typeof tickets)[number]);
    const seen = new Set<string>();
    for (const tk of tickets.filter((t) => t.waitingAhead > 0)) {
      const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
      await page.goto(tk.eticketUrl);
      const n = tk.waitingAhead;
      const people = plForm(n, `${n} osoba`, `${n} osoby`, `${n} osób`);
      await expectText(page.getByTestId("et-ahead"), `Przed Tobą: ${people}`);
      // The wait as the range shown at issue.
      await expectText(page.getByTestId("et-wait"), estimatedWaitRangeText(tk.estimatedWait, "pl"));
      seen.add(plForm(n, "one", "few", "many"));

      await page.getByRole("button", { name: "Switch to English" }).tap();
      await expectText(page.getByTestId("et-ahead"), `Ahead of you: ${n} ${n === 1 ? "person" : "people"}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await page.context().close();
    }
    expect([...seen].sort()).toEqual(["few", "many", "one"]);
  });

  test("fits a 360-pixel phone; the SMS form says why it refuses a number", async () => {
    const kiosk = await token("kiosk-demo");
    const tk = await issue(kiosk, "prawo-jazdy");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(tk.eticketUrl);
    await expectText(page.getByTestId("et-number"), tk.number);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const phone = page.getByLabel("Numer telefonu komórkowego");
    const submit = page.getByRole("button", { name: "Zamów powiadomienie" });
    await phone.fill("12");
    await submit.tap();
    await expectText(page.locator("#sms-error"), "To nie jest prawidłowy numer telefonu.");
    expect(await phone.getAttribute("aria-invalid")).toBe("true");
    await phone.fill("22 123 45 67");
    await submit.tap();
    await expectText(page.locator("#sms-error"), "Podaj numer komórkowy – powiadomienie przychodzi SMS-em.");
    await page.getByLabel("Wyślij SMS, gdy przede mną zostanie tyle osób").fill("21");
    await phone.fill("600 700 901");
    await submit.tap();
    await expectText(page.locator("#sms-error"), "Podaj liczbę osób od 1 do 20.");
    await expectNoViolations(page, "e-ticket SMS form with an error");
    expect(await page.getByTestId("sms-state").count()).toBe(0);
    await page.context().close();
  });

  test("an SMS alert at 2 ahead: set on the phone, sent exactly once after two calls", async () => {
    const admin = await token("admin", "admin");
    const kiosk = await token("kiosk-demo");
    // Desk 3 takes "Rejestracja pojazdu" first: nobody else may wait before these four.
    await clearDeskD3(admin);
    const tickets: Issued[] = [];
    for (let i = 0; i < 4; i++) tickets.push(await issue(kiosk, "rejestracja"));
    const mine = tickets[3]!;
    try {
      const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
      await page.goto(mine.eticketUrl);
      await expectText(page.getByTestId("et-ahead"), "Przed Tobą: 3 osoby");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoViolations(page, "e-ticket with the SMS form");

      await page.getByLabel("Wyślij SMS, gdy przede mną zostanie tyle osób").fill("2");
      await page.getByLabel("Numer telefonu komórkowego").fill("600 700 900");
      await page.getByRole("button", { name: "Zamów powiadomienie" }).tap();
      await expectText(page.getByTestId("sms-state"), "Wyślemy SMS, gdy przed Tobą będą 2 osoby.");
      await expectHidden(page.getByRole("button", { name: "Zamów powiadomienie" }));
      await expectNoViolations(page, "e-ticket with the SMS alert set");
      await screenshot(page, "eticket-notify", { fullPage: true });
      // Opened again, the page still knows (from the server, not from the form's answer).
      await page.reload();
      await expectText(page.getByTestId("sms-state"), "Wyślemy SMS, gdy przed Tobą będą 2 osoby.");
      expect(await outboxTo("+48600700900")).toEqual([]);

      // Two clients called at desk 3: 2, then 1 ahead; the text goes once.
      await desk(admin, "d3", "call-next");
      await desk(admin, "d3", "finish");
      await desk(admin, "d3", "call-next");
      await expectText(page.getByTestId("et-ahead"), "Przed Tobą: 1 osoba");
      await expectText(page.getByTestId("sms-state"), "SMS wysłany");
      await eventually("the text in the outbox", async () => (await outboxTo("+48600700900")).length > 0);
      const texts = await outboxTo("+48600700900");
      expect(texts).toHaveLength(1);
      expect(texts[0]!.body).toContain(mine.number);
      await page.context().close();
    } finally {
      await clearDeskD3(admin);
    }
  });

  test("a called ticket makes a phone in a pocket notice: the tab title names the desk, it vibrates and, once touched, chimes", async () => {
    const admin = await token("admin", "admin");
    const kiosk = await token("kiosk-demo");
    await clearDeskD3(admin);
    const mine = await issue(kiosk, "rejestracja");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    // Record what the page asks of the phone: vibrations and the tones it starts.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { phoneAlerts: seen });
      navigator.vibrate = () => {
        seen.push("vibrate");
        return true;
      };
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
        seen.push("tone");
        start.call(this, when);
      };
    });
    const alerts = () => page.evaluate(() => (window as unknown as { phoneAlerts: string[] }).phoneAlerts);
    try {
      await page.goto(mine.eticketUrl);
      await expectText(page.getByTestId("et-sound"), "Dotknij ekranu, a telefon zadzwoni i zawibruje, gdy Cię wezwą.");
      await expectNoViolations(page, "e-ticket before the first touch");
      await page.getByTestId("et-number").tap();
      await expectText(page.getByTestId("et-sound"), "Telefon zadzwoni i zawibruje, gdy Cię wezwą.");
      expect(await alerts()).toEqual([]);

      await desk(admin, "d3", "call", { ticketId: mine.id });
      await expectText(page.locator("[data-status]"), "Stanowisko 3");
      await eventually("the tab title names the number and the desk", async () =>
        (await page.title()).startsWith(`${mine.number} → Stanowisko 3`),
      );
      await eventually("a vibration and a chime of two tones", async () => {
        const seen = await alerts();
        return seen.filter((a) => a === "vibrate").length === 1 && seen.filter((a) => a === "tone").length === 2;
      });
    } finally {
      await page.context().close();
      await desk(admin, "d3", "finish");
    }
  });

  test("a waiting ticket shows which numbers the desks of its matter are serving now, live", async () => {
    const admin = await token("admin", "admin");
    const kiosk = await token("kiosk-demo");
    await clearDeskD3(admin);
    const before = await issue(kiosk, "rejestracja");
    const mine = await issue(kiosk, "rejestracja");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    try {
      await page.goto(mine.eticketUrl);
      const serving = page.getByTestId("et-serving-now");
      await expectText(serving, "Teraz obsługiwane:");
      expect(await serving.innerText()).not.toContain(before.number);

      await desk(admin, "d3", "call", { ticketId: before.id });
      await expectText(serving, before.number);
      await expectNoViolations(page, "e-ticket with the numbers served now");
      await page.getByRole("button", { name: "Switch to English" }).tap();
      await expectText(serving, `Being served now: `);
      await expectText(serving, before.number);

      await desk(admin, "d3", "finish");
      await eventually("the finished number leaves the list", async () => !(await serving.innerText()).includes(before.number));
    } finally {
      await page.context().close();
      await clearDeskD3(admin);
    }
  });

  test("a page whose socket floods the server says so in words and dials again only seconds later", async () => {
    const kiosk = await token("kiosk-demo");
    const tk = await issue(kiosk, "prawo-jazdy");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    const servers: WebSocketRoute[] = [];
    const dialledAt: number[] = [];
    await page.routeWebSocket(/\/live\?/, (ws) => {
      servers.push(ws.connectToServer());
      dialledAt.push(Date.now());
    });
    await page.goto(tk.eticketUrl);
    await expectText(page.getByTestId("et-number"), tk.number);
    await eventually("the live socket", () => servers.length === 1);

    // Something on the phone sends a hundred messages at once over the page's socket.
    const flood = (server: WebSocketRoute) => {
      for (let i = 0; i < 100; i++) server.send(JSON.stringify({ type: "resync" }));
    };
    flood(servers[0]!);
    const banner = page.locator(".conn-banner");
    await expectText(banner, "Ta strona wysłała do serwera zbyt wiele wiadomości – połączę ponownie za kilka sekund.");
    expect(await banner.getAttribute("data-conn")).toBe("too-many");
    const closedAt = Date.now();

    // Back after the longest backoff (5 to 10 s), not at once; the notice goes.
    await expectHidden(banner, 15_000);
    expect(servers).toHaveLength(2);
    expect(dialledAt[1]! - closedAt).toBeGreaterThanOrEqual(4_000);
    await expectText(page.getByTestId("et-number"), tk.number);

    // The same in English.
    await page.getByRole("button", { name: "Switch to English" }).tap();
    flood(servers[1]!);
    await expectText(banner, "This page sent the server too many messages – reconnecting in a few seconds.");
    await expectHidden(banner, 15_000);
    await page.context().close();
  });

  test("a link whose day has ended says so in Polish and English, and the page stops dialling", async () => {
    const kiosk = await token("kiosk-demo");
    const tk = await issue(kiosk, "prawo-jazdy");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    // The server's answer two hours after the ticket's midnight (workerd: eticket-expiry.test.ts), without waiting a day.
    await page.route(/\/api\/v1\/etickets\/[^/]+$/, (route) =>
      route.fulfill({
        status: 410,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "ETICKET_ENDED", message: "This ticket's day has ended: its e-ticket link no longer works." },
        }),
      }),
    );
    let dialled = 0;
    await page.routeWebSocket(/\/live\?/, () => {
      dialled++;
    });
    await page.goto(tk.eticketUrl);
    await expectText(page.getByRole("alert"), "Ten numerek już nie obowiązuje – jego dzień się skończył.");
    await expectHidden(page.getByTestId("et-number"));
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await expectText(page.getByRole("alert"), "This ticket has ended – its day is over.");
    const dialledThen = dialled;
    await page.waitForTimeout(1_500);
    expect(dialled).toBe(dialledThen);
    await page.context().close();
  });

  test("an unknown link says so", async () => {
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true });
    await page.goto(`${base()}/t/demo.AAAAAAAAAAAAAAAAAAAAAA`);
    await expectText(page.getByRole("alert"), "Nie znaleziono e-biletu.");
    await page.context().close();
  });
});
