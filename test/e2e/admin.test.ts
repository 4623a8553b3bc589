// The manager's page (/admin): a clerk is refused plainly; a manager sees the kiosk printers as the print
// agent reports them and the desks with their clients and queues, live; a message the SMS provider
// refused is listed as failed and, sent again, goes out (on a server of this file's own whose SMS go
// to a Twilio stand-in that refuses, then accepts). axe finds nothing.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AgentSocket, openAgent } from "./agent-socket.ts";
import { createSite, RESIDENT, SITE_ID } from "./booking-site.ts";
import { base, call, eventually, expectNoViolations, expectText, launch, newPage, SIZES, screenshot, signIn, token } from "./helpers.ts";
import { startWrangler, type Wrangler } from "./server.ts";
import { startTwilioStandIn, type TwilioStandIn } from "./twilio-stand-in.ts";

describe("manager page", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openAdmin(username: string, password: string, at = base()): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${at}/admin`);
    await expectText(page.locator("h1"), "Logowanie kierownika placówki");
    await signIn(page, username, password);
    return page;
  }

  test("a clerk's account is refused, and told why", async () => {
    const page = await openAdmin("urzednik1", "demo");
    await expectText(page.getByRole("alert").filter({ hasText: "kierowników" }), "Ta strona jest tylko dla kierowników placówek.");
    expect(await page.getByRole("heading", { name: "Panel kierownika" }).count()).toBe(0);
    await expectNoViolations(page, "manager sign-in, clerk refused");
    await page.context().close();
  });

  describe("printers and desks", () => {
    let agent: AgentSocket;
    let admin: string;

    beforeAll(async () => {
      await createSite();
      admin = await token("admin", "admin");
      agent = await openAgent(SITE_ID, admin);
    });
    afterAll(() => agent?.close());

    test("follow the site live: the agent's printer report, a ticket taken, called, served, a break", async () => {
      const page = await openAdmin("admin", "admin");
      await page.getByLabel("Placówka").selectOption(SITE_ID);
      await expectText(page.getByTestId("no-printers"), "Agent wydruku nie zgłosił jeszcze stanu żadnej drukarki.");
      const desk = page.locator('[data-testid="desks"] tr[data-desk="d1"]');
      await expectText(desk, "Stanowisko 1 otwarte brak 0 osób");

      agent.printer("kiosk-1", "paper-out");
      const printer = page.locator('[data-testid="printers"] tr[data-kiosk="kiosk-1"]');
      await expectText(printer, "kiosk-1 brak papieru");

      const desks = (action: string) => call(`/api/v1/sites/${SITE_ID}/desks/d1/${action}`, { token: admin, body: {} });
      const ticket = await call<{ number: string }>(`/api/v1/sites/${SITE_ID}/tickets`, { token: admin, body: { matterId: RESIDENT.id } });
      await expectText(desk, "1 osoba");
      await expectText(page.getByTestId("total-waiting"), "W kolejce placówki: 1 osoba");
      await desks("call-next");
      await expectText(desk, `Stanowisko 1 otwarte ${ticket.number} 0 osób`);
      await expectNoViolations(page, "manager page: printer out of paper, a client called");
      await desks("start");
      await desks("finish");
      await expectText(desk, "Stanowisko 1 otwarte brak 0 osób");
      await desks("pause");
      await expectText(desk, "Stanowisko 1 przerwa brak 0 osób");
      await desks("resume");
      await expectText(desk, "Stanowisko 1 otwarte");

      agent.printer("kiosk-1", "ready");
      await expectText(printer, "kiosk-1 gotowa");
      await page.getByRole("button", { name: "Switch to English" }).click();
      await expectText(printer, "kiosk-1 ready");
      await expectText(page.getByRole("heading", { name: "Printers and desks" }), "Printers and desks");
      await page.context().close();
    });
  });

  describe("messages", () => {
    let twilio: TwilioStandIn;
    let server: Wrangler;

    beforeAll(async () => {
      twilio = await startTwilioStandIn();
      server = await startWrangler(twilio.vars());
    });
    afterAll(async () => {
      await server?.stop();
      await twilio?.close();
    });

    async function at<T>(path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${server.base}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? {} : { "Content-Type": "application/json", "Idempotency-Key": `e2e-admin-${Date.now()}` },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const data = (await res.json()) as T;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
      return data;
    }

    test("a code the provider refused is listed as failed; sent again, it goes out and the citizen can confirm", async () => {
      // A citizen books at the training site; the provider refuses the text with the code.
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const { days } = await at<{ days: { slots: { start: string; free: number }[] }[] }>(
        `/api/v1/sites/demo/availability?matterId=dowod&from=${day(Date.now() + 86_400_000)}&to=${day(Date.now() + 5 * 86_400_000)}`,
      );
      const start = days.flatMap((d) => d.slots).find((s) => s.free > 0)!.start;
      const { bookingId } = await at<{ bookingId: string }>("/api/v1/bookings", {
        siteId: "demo",
        matterId: "dowod",
        start,
        name: "Jan Kowalski",
        phone: "600 200 301",
        consent: true,
      });
      await eventually("the provider asked to send the code", () => twilio.sent.length === 1, 10_000);

      const page = await openAdmin("admin", "admin", server.base);
      await page.getByLabel("Placówka").selectOption("demo");
      const row = page.locator('tr[data-status="failed"]').filter({ hasText: "Kod potwierdzający" });
      await expectText(row, "nie wysłana", 10_000);
      await expectText(row, "SMS");
      await expectText(row, "21610");
      await expectText(row, "301");
      expect(await row.innerText()).not.toContain("600200301");
      await expectNoViolations(page, "manager page, a failed message");
      await screenshot(page, "admin-messages", { fullPage: true });

      // The provider works again: "Wyślij ponownie", and the page says it went out.
      twilio.refuse = false;
      const id = await row.getAttribute("data-message");
      await row.getByRole("button", { name: /^Wyślij ponownie/ }).click();
      await expectText(page.getByTestId("resend-outcome"), "wysłana ponownie – wiadomość wyszła.", 15_000);
      const again = page.locator(`tr[data-message="${id}"]`);
      await expectText(again.getByTestId("message-status"), "wysłana", 15_000);
      await expectText(again, "wysłana ponownie");
      await expectNoViolations(page, "manager page, a message sent again");
      await page.context().close();

      // The same number got the code this time, and it confirms the booking.
      expect(twilio.sent).toHaveLength(2);
      expect(twilio.sent[1]!.get("To")).toBe("+48600200301");
      const code = /\b(\d{6})\b/.exec(twilio.sent[1]!.get("Body") ?? "")?.[1] ?? "";
      expect(code).toMatch(/^\d{6}$/);
      expect(await at<{ status: string }>(`/api/v1/bookings/${bookingId}/confirm`, { code })).toMatchObject({ status: "confirmed" });
    });
  });
});
