// Priority service in the site configuration (issue 14): off by default with the four usual groups,
// a mode of "first" or "alternate", groups that are named, and an interpreter link that is https; each
// refusal at its field's path.
import { describe, expect, it } from "vitest";
import { testSiteConfig } from "../test/site-config.ts";
import { CheckedSiteConfig, configRefusal, SiteConfig, type SiteConfigInput } from "./config.ts";

const site = (overrides: Partial<SiteConfigInput> = {}): SiteConfigInput => testSiteConfig("testowo", overrides);

function refusal(config: unknown): string | null {
  const parsed = CheckedSiteConfig.safeParse(config);
  return parsed.success ? null : configRefusal(parsed.error);
}

describe("priority service settings", () => {
  it("default to off, mode first, the four usual groups in three languages, and no interpreter", () => {
    const parsed = SiteConfig.parse(site());
    expect(parsed.priority.enabled).toBe(false);
    expect(parsed.priority.mode).toBe("first");
    expect(parsed.priority.groups.map((g) => [g.name, g.nameEn, g.nameUk])).toEqual([
      ["Kobiety w ciąży", "Pregnant women", "Вагітні жінки"],
      ["Osoby z niepełnosprawnością", "Persons with disabilities", "Особи з інвалідністю"],
      ["Rodzic z małym dzieckiem", "A parent with a small child", "Батьки з маленькою дитиною"],
      ["Posiadacze Karty Dużej Rodziny", "Large Family Card holders", "Власники Карти великої родини"],
    ]);
    expect(parsed.interpreterUrl).toBeUndefined();
  });

  it("accept a site's own groups, the alternate mode and an https interpreter link", () => {
    const config = site({
      priority: { enabled: true, mode: "alternate", groups: [{ name: "Seniorzy 75+" }] },
      interpreterUrl: "https://tlumacz.example.pl/wideo",
    });
    expect(refusal(config)).toBeNull();
    expect(SiteConfig.parse(config).priority.groups).toEqual([{ name: "Seniorzy 75+" }]);
  });

  it("refuse an unknown mode, an unnamed group, no groups, and an interpreter link that is not https, at their paths", () => {
    expect(refusal({ ...site(), priority: { enabled: true, mode: "random" } })).toMatch(/^priority\.mode: /);
    expect(refusal(site({ priority: { enabled: true, groups: [{ name: "  " }] } }))).toMatch(/^priority\.groups\.0\.name: /);
    expect(refusal(site({ priority: { enabled: true, groups: [] } }))).toMatch(/^priority\.groups: /);
    expect(refusal(site({ interpreterUrl: "http://tlumacz.example.pl" }))).toMatch(/^interpreterUrl: an https:\/\/ address/);
    expect(refusal(site({ interpreterUrl: "nie adres" }))).toMatch(/^interpreterUrl: /);
  });
});
