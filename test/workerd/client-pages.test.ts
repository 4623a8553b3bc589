// Every page a browser can load carries the pages' security headers: the routed paths (/clerk,
// /kiosk/demo…) are served with them, and the build's own HTML files (/clerk.html…), which the
// asset layer would send bare, are not reachable at all. Requests here reach the Worker directly;
// that the asset layer hands those paths to the Worker first is checked in protocol/pages.test.ts.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CLIENT_PAGES, type ClientPage, pageFile } from "../../protocol/pages.ts";
import { BASE } from "./helpers.ts";

/** One concrete path of a page: its parameters filled in, its "/*" dropped. */
function pathOf(page: ClientPage): string {
  return page.path.replace(/\/\*$/, "/").replace(/\{\w+\}/g, (p) => (p === "{deskId}" ? "d1" : "demo"));
}

const PAGE_HEADERS = {
  "Cache-Control": "no-cache",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

describe("the clients' pages", () => {
  for (const page of CLIENT_PAGES) {
    it(`${pageFile(page)} is not served bare; ${pathOf(page)} is served with the pages' headers`, async () => {
      for (const method of ["GET", "HEAD"]) {
        const bare = await SELF.fetch(`${BASE}${pageFile(page)}`, { method });
        expect(bare.status, `${method} ${pageFile(page)}`).toBe(404);
        const text = await bare.text();
        expect(text).not.toMatch(/<html|<script/i);
      }
      const routed = await SELF.fetch(`${BASE}${pathOf(page)}`);
      expect(routed.status, pathOf(page)).toBe(200);
      expect(await routed.text()).toMatch(/<html/i);
      for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(routed.headers.get(name), name).toBe(value);
      expect(routed.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    });
  }

  it("a page's file named with percent-encoding is not served bare either", async () => {
    for (const path of ["/admin%2Ehtml", "/admin%2ehtml", "/clerk.%68tml", "/%6Biosk.html"]) {
      const res = await SELF.fetch(`${BASE}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toMatch(/<html|<script/i);
    }
  });

  it("an HTML file under a page's own path (the booking app's paths) is that page, with its headers", async () => {
    const res = await SELF.fetch(`${BASE}/booking/manage/page.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    await res.body?.cancel();
  });
});
