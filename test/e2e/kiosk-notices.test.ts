// What the kiosk says, and how: the "Potwierdź" of an incomplete check-in code looks disabled (not only is);
// the offline notice tells the citizen what to do in plain words and never covers the header, upright or on
// its side; and the ticket on the screen says the same about the wait as the ticket the printer gets.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { text, ticketDocument } from "../../print-agent/ticket/document.ts";
import type { PrintJob } from "../../protocol/live.ts";
import { base, expectText, issue, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

const ORIENTATIONS = [
  ["portrait", SIZES.kiosk],
  ["landscape", SIZES.display],
] as const;

/** The print agent's side of the site's socket, keeping every print job it is sent. */
async function printJobs(accessToken: string): Promise<{ job: (number: string) => PrintJob["ticket"] | null; close: () => void }> {
  const q = new URLSearchParams({ role: "agent", access_token: accessToken });
  const ws = new WebSocket(`${base().replace(/^http/, "ws")}/api/v1/sites/demo/live?${q.toString()}`);
  const tickets: PrintJob["ticket"][] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) collect(v);
    else if (value && typeof value === "object") {
      const o = value as { kind?: unknown; ticket?: PrintJob["ticket"] };
      if (o.kind === "print" && o.ticket) tickets.push(o.ticket);
      else for (const v of Object.values(value)) collect(v);
    }
  };
  ws.addEventListener("message", (ev) => {
    if (typeof ev.data === "string" && ev.data.startsWith("{")) collect(JSON.parse(ev.data));
  });
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve());
    ws.addEventListener("error", () => reject(new Error("agent socket failed")));
  });
  return { job: (number) => tickets.find((t) => t.number === number) ?? null, close: () => ws.close(1000, "done") };
}

function boxesOverlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("kiosk notices", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openKiosk(viewport: { width: number; height: number } = SIZES.kiosk): Promise<Page> {
    const page = await newPage(browser, { viewport, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo?idle=600`);
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  const look = (loc: Locator) =>
    loc.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color, border: s.borderStyle, shadow: s.boxShadow };
    });

  test("the disabled Potwierdź looks unlike the enabled one", async () => {
    const page = await openKiosk();
    await page.getByRole("button", { name: "Mam rezerwację" }).tap();
    const submit = page.getByRole("button", { name: "Potwierdź" });
    expect(await submit.isDisabled()).toBe(true);
    const disabled = await look(submit);
    for (const k of "Q7K29X") await page.getByRole("button", { name: k, exact: true }).tap();
    expect(await submit.isEnabled()).toBe(true);
    const enabled = await look(submit);
    expect(disabled.background).not.toBe(enabled.background);
    expect(disabled.shadow).not.toBe(enabled.shadow);
    expect(disabled.border).not.toBe(enabled.border);
    await page.context().close();
  });

  for (const [orientation, viewport] of ORIENTATIONS) {
    test(`${orientation}: offline, the notice says what to do and leaves the header uncovered on every screen`, async () => {
      const page = await openKiosk(viewport);
      await page.context().setOffline(true);
      const notice = page.getByTestId("kiosk-offline");
      await expectText(notice, "Biletomat nie ma teraz połączenia i nie wyda numerka.");
      await expectText(notice, "Jeśli to potrwa, poproś o pomoc pracownika urzędu.");
      const uncovered = async (where: string) => {
        const header = page.locator(".kiosk-head");
        await header.waitFor();
        const [n, h] = [(await notice.boundingBox())!, (await header.boundingBox())!];
        expect(boxesOverlap(n, h), `${where}: notice ${JSON.stringify(n)} over header ${JSON.stringify(h)}`).toBe(false);
        // What is on top at the title's middle is the title itself.
        const title = page.locator(".kiosk-head .kiosk-title");
        expect(
          await title.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
          }),
          where,
        ).toBe(true);
      };
      await uncovered("start");
      await page.getByRole("button", { name: "Wydział Komunikacji" }).tap();
      await page.getByRole("heading", { name: "Wybierz sprawę" }).waitFor();
      await uncovered("matters");
      await page.getByRole("button", { name: "Wstecz" }).tap();
      await page.getByRole("button", { name: "Mam rezerwację" }).tap();
      await page.getByRole("heading", { name: /Wpisz kod/ }).waitFor();
      await uncovered("check-in keypad");
      await page.context().setOffline(false);
      await page.context().close();
    });
  }

  test("the ticket on the screen and the printed ticket say the same about the wait, in Polish and in English", async () => {
    const admin = await token("admin", "admin");
    const kiosk = await token("kiosk-demo");
    const agent = await printJobs(admin);
    try {
      // People ahead, so there is a wait to speak of.
      await issue(kiosk, "informacja");
      await issue(kiosk, "informacja");
      const page = await openKiosk();
      for (const [lang, department, matter] of [
        ["pl", "Wydział Spraw Obywatelskich", /Informacja/],
        ["en", "Wydział Spraw Obywatelskich", /Informacja/],
      ] as const) {
        if (lang === "en") await page.getByRole("button", { name: "English" }).tap();
        await page.getByRole("button", { name: department }).tap();
        await page.getByRole("button", { name: matter }).tap();
        await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
        const number = (await page.getByTestId("kiosk-number").innerText()).trim();
        const onScreen = (await page.getByTestId("kiosk-wait").innerText()).trim();
        let printed: PrintJob["ticket"] | null = null;
        const until = Date.now() + 5_000;
        while (!(printed = agent.job(number)) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        expect(printed, `print job of ${number}`).not.toBeNull();
        const lines = ticketDocument(printed!, { paper: "80mm", language: lang, timeZone: "Europe/Warsaw" }).split("\n");
        expect(onScreen).toMatch(lang === "pl" ? /^Szacowany czas oczekiwania: / : /^Estimated wait: /);
        // The same sentence, as the printer's code page writes it (a range's en dash as a hyphen); a long
        // range ("ok. 35 min – 1 godz. 55 min") breaks between words onto the next line of paper.
        const paper = lines.map((l) => l.trim()).join(" ");
        expect(paper, `${lang}: ${onScreen}`).toContain(text(onScreen));
        await page.getByRole("button", { name: lang === "pl" ? "Gotowe" : "Done" }).tap();
      }
      await page.context().close();
    } finally {
      agent.close();
    }
  });
});
