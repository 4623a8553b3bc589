// Shared by the browser tests: Chromium, the API (as the test's own hands), sign-in through
// the clients' forms, polling assertions on what the page shows, axe-core, QR decoding, screenshots.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import jsQR from "jsqr";
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const base = (): string => inject("baseUrl");
const root = join(import.meta.dirname, "..", "..");
export const ARTIFACTS = join(root, "test", "artifacts");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      // Hall screens run like this, so the call chime plays without a click.
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

export const SIZES = {
  kiosk: { width: 1080, height: 1920 },
  display: { width: 1920, height: 1080 },
  displayPortrait: { width: 1080, height: 1920 },
  deskScreen: { width: 1280, height: 800 },
  console: { width: 1366, height: 768 },
  phone: { width: 360, height: 780 },
  tablet: { width: 800, height: 1280 },
  pc: { width: 1280, height: 900 },
} as const;

export async function newPage(browser: Browser, opts: BrowserContextOptions): Promise<Page> {
  const ctx = await browser.newContext({ locale: "pl-PL", timezoneId: "Europe/Warsaw", ...opts });
  const page = await ctx.newPage();
  page.on("pageerror", (err) => console.error(`page error on ${page.url()}: ${err.message}`));
  return page;
}

// ---- API --------------------------------------------------------------------------

export async function call<T>(path: string, init: { token?: string; body?: unknown; key?: string; method?: "PUT" } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.key) headers["Idempotency-Key"] = init.key;
  const res = await fetch(`${base()}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

export async function token(username: string, password = "demo"): Promise<string> {
  return (await call<{ token: string }>("/api/v1/auth/login", { body: { username, password } })).token;
}

export interface Issued {
  id: string;
  number: string;
  eticketUrl: string;
}

export function issue(kioskToken: string, matterId: string): Promise<Issued> {
  return call<Issued>("/api/v1/sites/demo/tickets", { token: kioskToken, body: { matterId } });
}

export function desk(clerkToken: string, deskId: string, action: string, body: Record<string, string> = {}): Promise<unknown> {
  return call(`/api/v1/sites/demo/desks/${deskId}/${action}`, { token: clerkToken, body });
}

export interface QueueTicket {
  id: string;
  number: string;
  matterId: string;
  status: string;
  /** The desk that called it, or the desk it waits for (transfer, recall). */
  deskId: string | null;
}

export async function queueTickets(clerkToken: string): Promise<QueueTicket[]> {
  return (await call<{ tickets: QueueTicket[] }>("/api/v1/sites/demo/queue", { token: clerkToken })).tickets;
}

// ---- through the clients' own forms --------------------------------------------------

export async function signIn(page: Page, username: string, password = "demo"): Promise<void> {
  await page.getByLabel("Nazwa użytkownika").fill(username);
  await page.getByLabel("Hasło").fill(password);
  await page.getByRole("button", { name: "Zaloguj" }).click();
}

/**
 * Opens the clerk console: an account with one desk goes straight to it; one with several opens
 * `deskName` (or its first desk) from the choice of desk.
 */
export async function openConsole(page: Page, username: string, deskName?: string, password = "demo"): Promise<void> {
  await page.goto(`${base()}/clerk`);
  await signIn(page, username, password);
  const console_ = page.getByRole("heading", { name: "Bieżący klient" });
  const open = page.getByRole("button", { name: "Otwórz konsolę" });
  await console_.or(open).first().waitFor();
  if (await open.isVisible()) {
    if (deskName) await page.getByLabel("Stanowisko").selectOption({ label: deskName });
    await open.click();
  }
  await console_.waitFor();
}

// ---- assertions that poll what the page shows -------------------------------------------

/** Waits until the locator's visible text matches; fails with what it last saw. */
export async function expectText(loc: Locator, expected: string | RegExp, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  let last = "";
  for (;;) {
    try {
      if (await loc.isVisible()) {
        last = (await loc.innerText({ timeout: 500 })).replace(/\s+/g, " ").trim();
        if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return;
      } else {
        last = "<not visible>";
      }
    } catch (err) {
      last = `<${(err as Error).message.split("\n")[0]}>`;
    }
    if (Date.now() > until) throw new Error(`expected ${String(expected)} within ${timeout} ms, saw: ${last}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until an attribute has a value. */
export async function expectAttr(loc: Locator, name: string, value: string, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  let last: string | null = null;
  for (;;) {
    last =
      (await loc.count()) > 0
        ? await loc
            .first()
            .getAttribute(name, { timeout: 500 })
            .catch(() => null)
        : null;
    if (last === value) return;
    if (Date.now() > until) throw new Error(`expected ${name}="${value}" within ${timeout} ms, saw: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An attribute as the page has it now (null when the element is not there), without waiting. */
export async function attrNow(loc: Locator, name: string): Promise<string | null> {
  return (await loc.count()) > 0 ? loc.first().getAttribute(name, { timeout: 1_000 }) : null;
}

/** Waits until a condition of the test's own state holds. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`expected ${what} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function expectHidden(loc: Locator, timeout = 5_000): Promise<void> {
  await loc.waitFor({ state: "hidden", timeout });
}

// ---- accessibility -------------------------------------------------------------------------

let axeSource: string | null = null;

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and returns the violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return violations;
}

export async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${where}`).toEqual([]);
}

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

// ---- QR code -------------------------------------------------------------------------------

/** Draws the page's QR <svg> as an image and decodes it with jsQR: the text the code really holds. */
export async function decodeQr(page: Page, svg: Locator): Promise<string | null> {
  const handle = await svg.elementHandle();
  const img = await page.evaluate(async (el) => {
    const markup = new XMLSerializer().serializeToString(el as Element);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await image.decode();
    const size = 480;
    const canvas = document.createElement("canvas");
    canvas.width = size + 80;
    canvas.height = size + 80;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.imageSmoothingEnabled = false;
    g.drawImage(image, 40, 40, size, size);
    const data = g.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, pixels: Array.from(data.data) };
  }, handle);
  const result = jsQR(Uint8ClampedArray.from(img.pixels), img.width, img.height);
  return result?.data ?? null;
}

// ---- screenshots ---------------------------------------------------------------------------

/** Saves a screenshot at the page's real size (or the whole scrolled page) into test/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: "disabled", fullPage: opts.fullPage ?? false });
}
