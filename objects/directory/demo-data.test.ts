import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../protocol/config.ts";
import { DEMO_SITES } from "./demo-data.ts";

describe("the demo offices", () => {
  it("are valid configurations, and name every department and matter in Ukrainian for the pages in Ukrainian", () => {
    for (const site of DEMO_SITES) {
      const config = SiteConfig.parse(site);
      for (const d of config.departments) {
        expect(d.nameUk, `${site.id}: ${d.name}`).toMatch(/[\u0400-\u04ff]/);
        for (const m of d.matters) expect(m.nameUk, `${site.id}: ${m.name}`).toMatch(/[\u0400-\u04ff]/);
      }
    }
  });
});
