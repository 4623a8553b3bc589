// How the Worker serves the clients: each app's page on its paths with protective headers,
// hashed assets, 404 elsewhere, and browser bundles without the server's zod schemas.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { base } from "./helpers.ts";

const dist = join(import.meta.dirname, "..", "..", "dist", "clients");

describe("serving the clients", () => {
  test.each([
    ["/kiosk/demo", "Kiosk"],
    ["/display/demo", "Ekran grupowy"],
    ["/desk-display/demo/d1", "Ekran stanowiska"],
    ["/clerk", "Konsola urzędnika"],
    ["/t/demo.AAAAAAAAAAAAAAAAAAAAAA", "E-bilet"],
    ["/booking", "Rezerwacja wizyty"],
    ["/booking/manage/demo.AAAAAAAAAAAAAAAAAAAAAA", "Rezerwacja wizyty"],
  ])("%s is the %s page, with no-referrer and a same-origin policy", async (path, title) => {
    const res = await fetch(`${base()}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain(`<title>numerek – ${title}</title>`);
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${base()}${script}`);
    expect(js.status).toBe(200);
  });

  test("other paths are not pages", async () => {
    expect((await fetch(`${base()}/nope`)).status).toBe(404);
    expect((await fetch(`${base()}/bookings`)).status).toBe(404);
    expect((await fetch(`${base()}/api/v1/nope`)).status).toBe(404);
  });

  test("no browser bundle carries zod", async () => {
    const files = (await readdir(join(dist, "assets"))).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const js = await readFile(join(dist, "assets", f), "utf8");
      expect(js, f).not.toMatch(/ZodError|\$ZodType|strictObject/);
    }
  });

  test("Preact's style setter survives the build, so style={…} reaches the page", async () => {
    const files = (await readdir(join(dist, "assets"))).filter((f) => f.endsWith(".js"));
    const bundles = await Promise.all(files.map((f) => readFile(join(dist, "assets", f), "utf8")));
    // Preact sets a style property through element.style.setProperty (custom properties) or by name.
    expect(bundles.some((js) => /\.style,\w+,/.test(js) && js.includes("setProperty"))).toBe(true);
  });
});
