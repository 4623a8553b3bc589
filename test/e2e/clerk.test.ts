// The clerk console's safety: a double click calls one client, not two (one Idempotency-Key per
// state seen), and an API refusal is shown in Polish; the transfer to another desk by the panel.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  SIZES, base, desk, expectAttr, expectText, issue, launch, newPage, openConsole, queueTickets, token,
} from "./helpers.ts";

describe("clerk console", () => {
  let browser: Browser;
  let kiosk: string;
  let admin: string;

  beforeAll(async () => {
    browser = await launch();
    kiosk = await token("kiosk-demo");
    admin = await token("admin", "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a double click on „Wezwij następnego” calls one client", async () => {
    const a = await issue(kiosk, "meldunek");
    const b = await issue(kiosk, "meldunek");
    const page = await newPage(browser, { viewport: SIZES.console });
    const keys: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/desks/")) keys.push(r.headers()["idempotency-key"] ?? "");
    });
    await openConsole(page, "urzednik2");
    await page.getByRole("button", { name: /Wezwij następnego/ }).dblclick();
    await expectText(page.getByTestId("current-number"), a.number);
    await new Promise((r) => setTimeout(r, 300));
    const tickets = await queueTickets(admin);
    expect(tickets.find((t) => t.id === a.id)?.status).toBe("called");
    expect(tickets.find((t) => t.id === b.id)?.status).toBe("waiting");
    // However many requests the clicks made, they carried one key.
    expect(new Set(keys).size).toBe(1);
    await page.getByRole("button", { name: /Zakończ/ }).click();
    await page.getByTestId("current-empty").waitFor();
    await desk(admin, "d2", "call", { ticketId: b.id });
    await desk(admin, "d2", "finish");
    await page.context().close();
  });

  test("a refusal from the API is shown in Polish", async () => {
    const x = await issue(kiosk, "meldunek");
    const page = await newPage(browser, { viewport: SIZES.console });
    // The console's live view freezes after its first picture (as on a slow network)…
    await page.routeWebSocket(/\/live\?/, (ws) => {
      const server = ws.connectToServer();
      let first = true;
      server.onMessage((m) => {
        if (first) ws.send(m);
        first = false;
      });
    });
    await openConsole(page, "urzednik2");
    const callX = page.getByRole("button", { name: `Wezwij numer ${x.number}` });
    await callX.waitFor();
    // …while desk 1 takes that client.
    await desk(admin, "d1", "call", { ticketId: x.id });
    await callX.click();
    await expectText(page.getByRole("alert").filter({ hasText: "numerek" }), "Ten numerek nie czeka w kolejce.");
    await desk(admin, "d1", "finish");
    await page.context().close();
  });

  test("„Przekieruj” sends the current client to another desk", async () => {
    const y = await issue(kiosk, "meldunek");
    const page = await newPage(browser, { viewport: SIZES.console });
    await openConsole(page, "admin", "Stanowisko 2", "admin");
    await page.getByRole("button", { name: `Wezwij numer ${y.number}` }).click();
    await expectText(page.getByTestId("current-number"), y.number);
    await page.getByRole("button", { name: /Przekieruj/ }).click();
    await page.getByLabel("Do innego stanowiska").check();
    await page.getByLabel("Stanowisko", { exact: true }).selectOption({ label: "Stanowisko 3" });
    await page.getByRole("button", { name: "Przekieruj teraz" }).click();
    await page.getByTestId("current-empty").waitFor();
    const moved = (await queueTickets(admin)).find((t) => t.id === y.id);
    expect(moved?.status).toBe("waiting");
    await desk(admin, "d3", "call", { ticketId: y.id });
    await desk(admin, "d3", "finish");
    await page.context().close();
  });
});
