// The kiosk on its own: a double tap or a retry after a lost answer gives one ticket (idempotency
// key), matters without an open desk say so, the check-in code keypad, and the idle return to start.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, desk, expectText, launch, newPage, queueTickets, SIZES, screenshot, signIn, token } from "./helpers.ts";

describe("kiosk", () => {
  let browser: Browser;
  let staff: string;

  beforeAll(async () => {
    browser = await launch();
    staff = await token("admin", "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openKiosk(query = ""): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo${query}`);
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  const waitingOf = async (matterId: string) =>
    (await queueTickets(staff)).filter((t) => t.matterId === matterId && t.status === "waiting");

  test("a double tap, and a retry after a lost answer, each give one ticket", async () => {
    const page = await openKiosk();
    const before = (await waitingOf("informacja")).length;
    const keys: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/tickets")) keys.push(r.headers()["idempotency-key"] ?? "");
    });

    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    // Two taps on the same spot, as fast as a finger can, once the matters take taps.
    const matter = page.getByRole("button", { name: /Informacja/, disabled: false });
    await matter.waitFor();
    const box = (await matter.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await Promise.all([page.touchscreen.tap(x, y), page.touchscreen.tap(x, y)]);
    await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
    const first = (await page.getByTestId("kiosk-number").innerText()).trim();
    expect((await waitingOf("informacja")).length).toBe(before + 1);

    // Next visitor: the server takes the ticket, but the answer is lost on the way back.
    await page.getByRole("button", { name: "Gotowe" }).tap();
    let lost: { number: string } | null = null;
    await page.route("**/api/v1/sites/demo/tickets", async (route) => {
      const res = await route.fetch();
      lost = (await res.json()) as { number: string };
      await route.abort("failed");
    });
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("button", { name: /Informacja/ }).tap();
    await expectText(page.getByRole("alert"), "Brak połączenia z serwerem. Spróbuj ponownie.");
    expect(lost).not.toBeNull();
    await page.unroute("**/api/v1/sites/demo/tickets");

    // The retry gets that same ticket, not a second one.
    await page.getByRole("button", { name: /Informacja/ }).tap();
    await expectText(page.getByTestId("kiosk-number"), lost!.number);
    expect(lost!.number).not.toBe(first);
    expect((await waitingOf("informacja")).length).toBe(before + 2);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys.at(-1)).toBe(keys.at(-2));
    expect(new Set(keys).size).toBe(2);
    await page.context().close();
  });

  test("a matter whose desks are all on a break says so before a tap, and is back when a desk is", async () => {
    const d3 = await token("urzednik3");
    const d4 = await token("urzednik4");
    await desk(d3, "d3", "pause");
    await desk(d4, "d4", "pause");
    let d3Paused = true;
    try {
      const page = await openKiosk();
      await page.getByRole("button", { name: "Wydział Komunikacji" }).tap();
      // Said before anyone taps: the kiosk follows the desks live.
      const matter = page.getByRole("button", { name: /Prawo jazdy/ });
      await expectText(matter, "Teraz niedostępne");
      await screenshot(page, "kiosk-unavailable");
      await matter.tap();
      await expectText(page.getByRole("alert"), "Tej sprawy nie obsługuje teraz żadne otwarte stanowisko");
      // A desk back from its break: the matter can be taken again without reloading the kiosk.
      await desk(d3, "d3", "resume");
      d3Paused = false;
      await page.getByRole("button", { name: "Wstecz" }).tap();
      await page.getByRole("button", { name: "Wydział Komunikacji" }).tap();
      await expectText(page.getByRole("button", { name: /Prawo jazdy/ }), /^(?!.*Teraz niedostępne).*Prawo jazdy/);
      await page.context().close();
    } finally {
      if (d3Paused) await desk(d3, "d3", "resume");
      await desk(d4, "d4", "resume");
    }
  });

  test("the check-in keypad takes letters and digits, and says plainly that a code is unknown", async () => {
    const page = await openKiosk();
    await page.getByRole("button", { name: "Mam rezerwację" }).tap();
    await expectText(page.locator("main"), "Kod ma 6 znaków – cyfry i litery.");
    const submit = page.getByRole("button", { name: "Potwierdź" });
    for (const k of ["Q", "7", "K", "2", "M"]) await page.getByRole("button", { name: k, exact: true }).tap();
    await expectText(page.getByTestId("booking-code"), "Q7K2M");
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Usuń ostatni znak" }).tap();
    await expectText(page.getByTestId("booking-code"), /^Q7K2$/);
    for (const k of ["9", "X"]) await page.getByRole("button", { name: k, exact: true }).tap();
    await expectText(page.getByTestId("booking-code"), "Q7K29X");
    await submit.tap();
    await expectText(page.getByTestId("booking-result"), "Nie ma rezerwacji z takim kodem. Sprawdź kod w SMS-ie i wpisz go ponownie.");
    await screenshot(page, "kiosk-booking");
    await page.context().close();
  });

  test("says plainly when it cannot reach the server, and recovers by itself", async () => {
    const page = await openKiosk();
    await page.context().setOffline(true);
    // (Another note may be shown too: a printer whose agent is away, say.)
    await expectText(page.getByTestId("kiosk-offline"), "Biletomat nie ma teraz połączenia i nie wyda numerka.");
    await screenshot(page, "kiosk-offline");
    await page.context().setOffline(false);
    await page.locator("[data-conn=offline]").waitFor({ state: "detached", timeout: 15_000 });
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("button", { name: /Informacja/ }).tap();
    await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
    await page.context().close();
  });

  test("returns to the start, in Polish, after a short idle time", async () => {
    const page = await openKiosk("?idle=2");
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("heading", { name: "Take a ticket" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("button", { name: "Wydział Komunikacji" }).tap();
    await page.getByRole("heading", { name: "Choose your matter" }).waitFor();
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor({ timeout: 6_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("pl");
    await page.context().close();
  });
});
