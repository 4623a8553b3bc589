// The office keeps working when the cloud is gone. A server of its own (restartable on the same port and
// storage) and a real print agent (virtual printer, WAV files for the calls, continuity on a loopback
// port); a kiosk, a hall screen, a desk screen and a clerk console open. The server stops: within seconds
// every screen works through the agent (the console says so calmly, the others look the same); a booking
// check-in says it needs the internet and offers an ordinary ticket; a ticket is taken and printed, called
// at the console, shown and chimed on the hall screen and the desk screen, and announced (a WAV file).
// The server starts again on the same storage: the agent replays its log, the screens come back to the
// cloud, and the ticket is in the site's statistics exactly once, called at its desk.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  eventually,
  expectAttr,
  expectHidden,
  expectNoViolations,
  expectText,
  launch,
  newPage,
  SIZES,
  screenshot,
  signIn,
} from "./helpers.ts";
import { startWrangler, type Wrangler } from "./server.ts";

const root = join(import.meta.dirname, "..", "..");
const SITE = "demo";
/** How long a screen may take to notice the cloud is gone (5 s) and turn to the agent, on a loaded machine. */
const SWITCH_MS = 30_000;
/** How long the agent may take to sign in again, replay, and the screens to come back. */
const RETURN_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface Health {
  siteId: string;
  cloud: "connected" | "cut-off";
  pending: number;
  ready: boolean;
}

/** Local date of the office (Europe/Warsaw), YYYY-MM-DD. */
function officeToday(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
}

describe("the hall keeps running while the cloud is gone", () => {
  let server: Wrangler;
  let agent: ChildProcess | null = null;
  let agentLog = "";
  let dir: string;
  let agentUrl: string;
  let browser: Browser;

  async function api<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(`${server.base}${path}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
    const data = (await res.json()) as T;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }

  const login = async (username: string): Promise<string> =>
    (await api<{ token: string }>("/api/v1/auth/login", { body: { username, password: "demo" } })).token;

  async function health(): Promise<Health | null> {
    try {
      const res = await fetch(`${agentUrl}/continuity/v1/health`, { signal: AbortSignal.timeout(2_000) });
      return res.ok ? ((await res.json()) as Health) : null;
    } catch {
      return null;
    }
  }

  async function files(sub: string): Promise<string[]> {
    try {
      return await readdir(join(dir, sub));
    } catch {
      return [];
    }
  }

  /** Informacja's tickets taken today, by the site's statistics. */
  async function arrivedToday(managerToken: string): Promise<number> {
    const day = officeToday();
    const stats = await api<{ byMatter: { id: string; arrived: number }[] }>(`/api/v1/sites/${SITE}/statistics?from=${day}&to=${day}`, {
      token: managerToken,
    });
    return stats.byMatter.find((m) => m.id === "informacja")?.arrived ?? 0;
  }

  beforeAll(async () => {
    const port = await freePort();
    agentUrl = `http://127.0.0.1:${port}`;
    // The hall's pages may call the agent (their Content-Security-Policy names it).
    server = await startWrangler({ LOCAL_AGENT_ORIGINS: agentUrl });
    dir = await mkdtemp(join(tmpdir(), "numerek-continuity-"));
    const config = {
      server: server.base,
      siteId: SITE,
      username: "agent-demo",
      password: "demo",
      language: "pl",
      timeZone: "Europe/Warsaw",
      store: join(dir, "agent", "jobs.json"),
      printers: { "kiosk-1": { type: "virtual", dir: join(dir, "tickets"), paper: "80mm" } },
      audio: { type: "wav-dir", dir: join(dir, "calls") },
      reconnect: { minSeconds: 1, maxSeconds: 3 },
      continuity: { port, host: "127.0.0.1", publicUrl: agentUrl },
    };
    await writeFile(join(dir, "agent.json"), JSON.stringify(config, null, 2));
    agent = spawn(join(root, "node_modules", ".bin", "node"), ["print-agent/main.ts", join(dir, "agent.json")], {
      cwd: root,
      env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}` },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    agent.stdout?.on("data", (d: Buffer) => (agentLog += d.toString()));
    agent.stderr?.on("data", (d: Buffer) => (agentLog += d.toString()));
    // The agent has the site's copy, and the site knows where the agent answers (what the screens will fetch).
    await eventually(
      "the agent ready and connected",
      async () => {
        if (agent?.exitCode !== null) throw new Error(`the print agent exited:\n${agentLog}`);
        const h = await health();
        return h?.ready === true && h.cloud === "connected";
      },
      120_000,
    );
    const kioskToken = await login("kiosk-demo");
    await eventually(
      "the site to name the agent's address",
      async () => (await api<{ localUrl: string | null }>(`/api/v1/sites/${SITE}/continuity`, { token: kioskToken })).localUrl !== null,
      30_000,
    );
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (agent?.pid !== undefined && agent.exitCode === null) {
      const exited = new Promise((r) => agent?.once("exit", r));
      process.kill(-agent.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  async function open(path: string, username: string, viewport: { width: number; height: number }, touch = false): Promise<Page> {
    const page = await newPage(browser, { viewport, hasTouch: touch });
    await page.goto(`${server.base}${path}`);
    await signIn(page, username);
    return page;
  }

  /** The screen has fetched the agent's address and its local token (from the given storage). */
  async function knowsTheAgent(page: Page, holder: string, storage: "localStorage" | "sessionStorage"): Promise<void> {
    await eventually(
      `${holder} to know the agent`,
      async () =>
        (
          await page.evaluate(
            ([key, area]) => (area === "localStorage" ? localStorage : sessionStorage).getItem(key ?? "") ?? "",
            [`numerek.continuity.${SITE}.${holder}`, storage],
          )
        ).includes(agentUrl),
      15_000,
    );
  }

  test("cut off: a ticket is taken, printed, called, shown and announced; back: it is in the statistics once", {
    timeout: 420_000,
  }, async () => {
    const manager = await login("kierownik");
    const arrivedBefore = await arrivedToday(manager);

    const kiosk = await open(`/kiosk/${SITE}`, "kiosk-demo", SIZES.kiosk, true);
    await kiosk.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    const display = await open(`/display/${SITE}`, "ekran-demo", SIZES.display);
    await expectAttr(display.locator(".display"), "data-conn", "online", 15_000);
    const deskScreen = await open(`/desk-display/${SITE}/d1`, "ekran-demo", SIZES.deskScreen);
    await expectAttr(deskScreen.locator(".desk-screen"), "data-conn", "online", 15_000);
    const console_ = await newPage(browser, { viewport: SIZES.console });
    await console_.goto(`${server.base}/clerk`);
    await signIn(console_, "urzednik1");
    await console_.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    for (const [page, holder] of [
      [kiosk, "kiosk"],
      [display, "display"],
      [deskScreen, "desk-screen"],
    ] as const)
      await knowsTheAgent(page, holder, "localStorage");
    await knowsTheAgent(console_, "clerk", "sessionStorage");
    for (const page of [kiosk, display, deskScreen, console_])
      expect(await page.locator("[data-link]").first().getAttribute("data-link")).toBe("cloud");
    expect(await console_.getByTestId("local-notice").count()).toBe(0);
    const chimesBefore = Number((await display.evaluate(() => document.documentElement.dataset.chimes)) ?? "0");

    // ---- the cloud is gone ----
    await server.halt();
    await Promise.all([
      expectAttr(kiosk.locator(".kiosk"), "data-link", "local", SWITCH_MS),
      expectAttr(display.locator(".display"), "data-link", "local", SWITCH_MS),
      expectAttr(deskScreen.locator(".desk-screen"), "data-link", "local", SWITCH_MS),
      expectAttr(console_.locator(".clerk"), "data-link", "local", SWITCH_MS),
    ]);
    // The console says calmly that it works locally; the hall's screens look as they always do.
    await expectText(console_.getByTestId("local-notice"), "Praca lokalna: brak połączenia z internetem.", 5_000);
    await expectAttr(display.locator(".display"), "data-conn", "online", 10_000);
    await expectAttr(deskScreen.locator(".desk-screen"), "data-conn", "online", 10_000);
    await expectHidden(kiosk.getByTestId("kiosk-offline"), 10_000);
    expect(await kiosk.getByTestId("printer-note").count()).toBe(0);
    await expectNoViolations(console_, "clerk console working locally");
    await screenshot(console_, "continuity-console-local");

    // A booking cannot be checked without the internet: the kiosk says so, and offers an ordinary ticket.
    await kiosk.getByRole("button", { name: "Mam rezerwację" }).tap();
    for (const k of ["Q", "7", "K", "2", "M", "9"]) await kiosk.getByRole("button", { name: k, exact: true }).tap();
    await kiosk.getByRole("button", { name: "Potwierdź" }).tap();
    await expectText(
      kiosk.getByTestId("booking-result"),
      "Odprawa rezerwacji wymaga internetu, a urząd jest teraz bez połączenia.",
      10_000,
    );
    await expectNoViolations(kiosk, "kiosk check-in while the office is cut off");
    await screenshot(kiosk, "continuity-kiosk-check-in");
    await kiosk.getByTestId("offline-walk-in").tap();

    // A ticket, from the numbers the site set aside for the agent, printed by the agent's printer.
    await kiosk.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await kiosk.getByRole("button", { name: /Informacja/ }).tap();
    await expectText(kiosk.getByTestId("kiosk-number"), /^N[5-9]\d\d$/, 15_000);
    const number = (await kiosk.getByTestId("kiosk-number").innerText()).trim();
    expect(await kiosk.getByTestId("not-printed").count()).toBe(0);
    await eventually(
      `ticket ${number} printed`,
      async () => {
        const printed = (await files("tickets")).filter((f) => f.includes(`-${number}-`));
        return printed.some((f) => f.endsWith(".png")) && printed.some((f) => f.endsWith(".bin"));
      },
      15_000,
    );
    await screenshot(kiosk, "continuity-kiosk-ticket");

    // The clerk calls it; the hall screen shows it with its chime, the desk screen too, and it is announced.
    const callButton = console_.getByRole("button", { name: `Wezwij numer ${number}` });
    await callButton.waitFor({ timeout: 10_000 });
    await callButton.click();
    await expectText(console_.getByTestId("current-number"), number, 10_000);
    await expectAttr(display.getByTestId("newest-call"), "data-number", number, 10_000);
    await expectText(deskScreen.getByTestId("desk-number"), number, 10_000);
    await eventually(
      "the hall screen to chime",
      async () => Number((await display.evaluate(() => document.documentElement.dataset.chimes)) ?? "0") > chimesBefore,
    );
    await eventually(
      `the call of ${number} announced`,
      async () => (await files("calls")).some((f) => f.includes(`-${number}-`) && f.endsWith(".wav")),
      20_000,
    );
    await screenshot(display, "continuity-display-local");

    // ---- the cloud is back, on the same storage ----
    await server.restart();
    await eventually(
      "the agent to replay its log",
      async () => {
        const h = await health();
        return h?.cloud === "connected" && h.pending === 0;
      },
      RETURN_MS,
    );
    await Promise.all([
      expectAttr(kiosk.locator(".kiosk"), "data-link", "cloud", RETURN_MS),
      expectAttr(display.locator(".display"), "data-link", "cloud", RETURN_MS),
      expectAttr(deskScreen.locator(".desk-screen"), "data-link", "cloud", RETURN_MS),
      expectAttr(console_.locator(".clerk"), "data-link", "cloud", RETURN_MS),
    ]);
    await expectHidden(console_.getByTestId("local-notice"));
    // From the cloud now: the screens still show the call made while it was gone.
    await expectAttr(display.getByTestId("newest-call"), "data-number", number, 15_000);
    await expectText(console_.getByTestId("current-number"), number, 15_000);

    // The site's statistics count the ticket exactly once; its queue holds it once, called at desk 1.
    expect(await arrivedToday(manager)).toBe(arrivedBefore + 1);
    const { tickets } = await api<{ tickets: { number: string; status: string; deskId: string | null }[] }>(`/api/v1/sites/${SITE}/queue`, {
      token: await login("urzednik1"),
    });
    expect(tickets.filter((t) => t.number === number)).toEqual([expect.objectContaining({ number, status: "called", deskId: "d1" })]);
  });
});
