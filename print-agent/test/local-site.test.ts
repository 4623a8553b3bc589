// The site as the agent runs it offline: walk-ins numbered from its block (never a number given before, also
// once the site's replica no longer lists a ticket), refused for the site object's reasons; desk commands by
// the site object's rules, with their rows and calls in the log entry; a missed ticket recalled when due.
import { describe, expect, it } from "vitest";
import { localDate } from "../../objects/queue/time.ts";
import { SiteConfig } from "../../protocol/config.ts";
import type { ContinuityReplica, OfflineEntry } from "../../protocol/continuity.ts";
import { testSiteConfig } from "../../test/site-config.ts";
import { LocalSite } from "../continuity/local-site.ts";

const NOW = Date.parse("2026-11-30T10:00:00Z");
const FLAGS = { priority: false, interpreter: false };

function replica(over: Partial<ContinuityReplica> = {}): ContinuityReplica {
  const config = SiteConfig.parse(testSiteConfig("demo"));
  const day = localDate(NOW, config.timeZone);
  return {
    siteId: "demo",
    config,
    day,
    publicUrl: "https://numerek.example.pl",
    tickets: [],
    desks: [
      { id: "d1", status: "open", ticketId: null },
      { id: "d2", status: "open", ticketId: null },
    ],
    recentCalls: [],
    durations: {},
    walkInsTaken: {},
    blocks: [
      { day, matterId: "rej", first: 500, last: 501 },
      { day, matterId: "pj", first: 700, last: 999 },
    ],
    localSecret: "x".repeat(43),
    replayedThrough: 0,
    ...over,
  };
}

/** Decides and applies, as the agent does after the entry is on disk. */
function issue(site: LocalSite, log: OfflineEntry[], matterId: string, kioskId: string | null = "k1") {
  // (a second apart, as people take them: tickets of the same instant have no order between them)
  const r = site.walkIn(matterId, kioskId, FLAGS, NOW + log.length * 1000, log.length + 1);
  if (r.ok) {
    log.push(r.entry);
    site.apply(r.entry);
  }
  return r;
}

describe("the agent's local site", () => {
  it("numbers walk-ins from its block until it is used up, with the print job and the e-ticket link", () => {
    const log: OfflineEntry[] = [];
    const site = new LocalSite(replica(), log);
    const first = issue(site, log, "rej");
    if (!first.ok) throw new Error(first.code);
    expect(first.answer.issued.number).toBe("R500");
    expect(first.answer.issued.eticketUrl).toBe(`https://numerek.example.pl/t/${first.entry.ticket.token}`);
    expect(first.answer.print?.kioskId).toBe("k1");
    expect(first.answer.print?.id.startsWith("local_")).toBe(true);
    const second = issue(site, log, "rej");
    expect(second.ok && second.answer.issued.waitingAhead).toBe(1);
    expect(issue(site, log, "rej")).toEqual({ ok: false, code: "OFFLINE_NUMBERS_USED_UP" });
    expect(issue(site, log, "pj", null).ok && log.at(-1)?.type === "issue").toBe(true);
  });

  it("never gives a number twice: the site's new replica no longer lists a ticket served, the log still counts it", () => {
    const log: OfflineEntry[] = [];
    const site = new LocalSite(replica(), log);
    issue(site, log, "pj");
    // Replayed and served online: the site sends a replica without it, through the log's end.
    const after = new LocalSite(replica({ replayedThrough: log.length }), log);
    const next = after.walkIn("pj", null, FLAGS, NOW, log.length + 1);
    expect(next.ok && next.answer.issued.number).toBe("P701");
  });

  it("refuses as the site object does: an unknown matter, a closed site, no open desk", () => {
    const log: OfflineEntry[] = [];
    expect(new LocalSite(replica(), log).walkIn("nope", null, FLAGS, NOW, 1)).toEqual({ ok: false, code: "UNKNOWN_MATTER" });
    const closed = replica();
    closed.config = { ...closed.config, closure: { message: "Awaria" } };
    expect(new LocalSite(closed, log).walkIn("rej", null, FLAGS, NOW, 1)).toEqual({
      ok: false,
      code: "SITE_CLOSED_TEMPORARILY",
      message: "Awaria",
    });
    const paused = replica({
      desks: [
        { id: "d1", status: "paused", ticketId: null, pause: { reason: "break", since: NOW } },
        { id: "d2", status: "open", ticketId: null },
      ],
    });
    expect(new LocalSite(paused, log).walkIn("rej", null, FLAGS, NOW, 1)).toEqual({ ok: false, code: "MATTER_UNAVAILABLE" });
  });

  it("a clerk's call-next is logged with its rows and call, shown on the hall and spoken; a missed ticket is recalled when due", () => {
    const log: OfflineEntry[] = [];
    const site = new LocalSite(replica(), log);
    issue(site, log, "rej");
    const call = site.deskAction("d1", { action: "call-next" }, "clerk", "anna", NOW, 2);
    if (!call.ok) throw new Error(call.code);
    expect(call.answer.ticket?.number).toBe("R500");
    expect(call.entry.calls.map((c) => [c.number, c.deskId, c.reason])).toEqual([["R500", "d1", "call"]]);
    site.apply(call.entry);
    expect(site.display(NOW, []).calls[0]?.number).toBe("R500");
    expect(site.announcements(call.entry).map((a) => [a.number, a.deskName])).toEqual([["R500", "Stanowisko 1"]]);
    expect(site.deskAction("d1", { action: "call-next" }, "clerk", "anna", NOW, 3)).toEqual({ ok: false, code: "DESK_BUSY" });

    const miss = site.deskAction("d1", { action: "no-show" }, "clerk", "anna", NOW, 3);
    if (!miss.ok) throw new Error(miss.code);
    site.apply(miss.entry);
    expect(site.dueRecall(NOW + 1000, 4)).toBeNull();
    const recall = site.dueRecall(NOW + 61_000, 4);
    expect(recall?.by).toBe("alarm");
    expect(recall?.calls.map((c) => [c.number, c.attempt, c.reason])).toEqual([["R500", 2, "auto-recall"]]);
  });
});
