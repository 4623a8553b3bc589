// The three-strike no-show rule (R5) through the console's buttons: "Nie zgłosił się", the next
// client, the automatic recall after that service, twice, and removal after the third miss;
// the e-ticket shows every state on the way, the group screen every call.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, expectAttr, expectText, issue, launch, newPage, openConsole, SIZES, screenshot, signIn, token } from "./helpers.ts";

describe("three strikes", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("missed three times: recalled twice after the next service, then removed", async () => {
    // Desk 1 takes "Dowód osobisty" first; nobody else in these tests uses it.
    const kiosk = await token("kiosk-demo");
    const a = await issue(kiosk, "dowod");
    const b = await issue(kiosk, "dowod");
    const c = await issue(kiosk, "dowod");

    const phone = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await phone.goto(a.eticketUrl);
    const status = phone.locator("[data-status]");
    await expectAttr(status, "data-status", "waiting");

    const display = await newPage(browser, { viewport: SIZES.display });
    await display.goto(`${base()}/display/demo`);
    await signIn(display, "ekran-demo");
    await display.locator(".display-site").waitFor();

    const clerk = await newPage(browser, { viewport: SIZES.console });
    await openConsole(clerk, "urzednik1");
    const current = clerk.getByTestId("current-number");
    const press = (name: RegExp) => clerk.getByRole("button", { name }).click();
    const newest = display.getByTestId("newest-call");

    // First call.
    await press(/Wezwij następnego/);
    await expectText(current, a.number);
    await expectAttr(status, "data-status", "called");
    await expectText(status, "Stanowisko 1");
    await expectAttr(newest, "data-number", a.number);

    // Strike one: set aside, the next client is called.
    await press(/Nie zgłosił się/);
    await expectAttr(status, "data-status", "missed");
    await expectText(status, "Nie zgłosiłeś się na wezwanie (1 z 3)");
    await expectText(status, /ok\. \d{2}:\d{2}/);
    await expectText(clerk.getByTestId("missed"), a.number);
    await screenshot(phone, "eticket-missed");
    await press(/Wezwij następnego/);
    await expectText(current, b.number);
    await expectAttr(newest, "data-number", b.number);
    await expectAttr(status, "data-status", "missed");

    // That service ends: the missed ticket is called again, automatically.
    await press(/Rozpocznij obsługę/);
    await expectText(clerk.getByTestId("current-status"), "W obsłudze");
    await press(/Zakończ/);
    await expectText(current, a.number);
    await expectText(clerk.getByTestId("current"), "Nie zgłosił się już 1 z 3 razy");
    await expectAttr(status, "data-status", "called");
    await expectAttr(newest, "data-number", a.number);
    await expectText(newest, "ponownie");

    // Strike two.
    await press(/Nie zgłosił się/);
    await expectAttr(status, "data-status", "missed");
    await expectText(status, "(2 z 3)");
    await press(/Wezwij następnego/);
    await expectText(current, c.number);
    await press(/Zakończ/);
    await expectText(current, a.number);
    await expectText(clerk.getByTestId("current"), "Nie zgłosił się już 2 z 3 razy");
    await expectAttr(status, "data-status", "called");

    // Strike three: removed from the queue.
    await press(/Nie zgłosił się/);
    await expectAttr(status, "data-status", "removed");
    await expectText(status, "Numer usunięty z kolejki");
    await expectText(status, "Nie zgłosiłeś się na trzy wezwania");
    await expectText(clerk.getByTestId("current"), "Nikt nie jest wezwany do stanowiska.");
    expect(await clerk.getByTestId("missed").count()).toBe(0);
    await screenshot(phone, "eticket-removed");
  });
});
