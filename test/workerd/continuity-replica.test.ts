// Local continuity, the site object's side: the agent announces its address on every socket open and gets
// a replica of the site in its live view, with number blocks the cloud's own numbering jumps over.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ContinuityReplica } from "../../protocol/continuity.ts";
import { agentView, continuityAgent, LOCAL_URL } from "./continuity-helpers.ts";
import { accountFor, freshSite, issue, LiveSocket, siteObject, siteSql } from "./helpers.ts";

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("the agent's replica", () => {
  it("arrives in the agent's view once it announces its address: configuration, today's open tickets, desks, blocks, secret", async () => {
    const { siteId, admin } = await freshSite();
    const waiting = await issue(siteId, admin, "rej");
    const { socket, replica, token } = await continuityAgent(siteId);
    expect(ContinuityReplica.parse(replica)).toEqual(replica);
    expect(replica).toMatchObject({ siteId, config: { id: siteId }, replayedThrough: 0, walkInsTaken: { R: 1 } });
    expect(replica.publicUrl).toMatch(/^https?:\/\//);
    expect(replica.localSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Tickets without the secret of their e-ticket link.
    expect(replica.tickets).toEqual([expect.objectContaining({ id: waiting.id, number: waiting.number, status: "waiting" })]);
    expect(replica.tickets[0]).not.toHaveProperty("token");
    expect(replica.desks.map((d) => d.id).sort()).toEqual(["d1", "d2"]);
    // Blocks for today and tomorrow, per matter: 500..999 while the day's numbers are below.
    const tomorrow = nextDay(replica.day);
    expect(replica.blocks.map((b) => `${b.day} ${b.matterId} ${b.first}-${b.last}`).sort()).toEqual(
      [`${replica.day} pj 500-999`, `${replica.day} rej 500-999`, `${tomorrow} pj 500-999`, `${tomorrow} rej 500-999`].sort(),
    );

    // The replica follows the queue: a new ticket is in the next frame.
    const next = await issue(siteId, admin, "pj");
    const seen = await socket.waitFor((m) => agentView(m)?.continuity?.tickets.some((t) => t.id === next.id) === true);
    expect(agentView(seen)?.continuity?.walkInsTaken).toEqual({ R: 1, P: 1 });

    // Announced again on a new socket (a restart), the same blocks and secret.
    socket.close();
    const again = await continuityAgent(siteId, LOCAL_URL, token);
    expect(again.replica.blocks).toEqual(replica.blocks);
    expect(again.replica.localSecret).toBe(replica.localSecret);
    again.socket.close();
  });

  it("only the serving agent gets the replica: a second agent of the site and a manager watching the jobs do not", async () => {
    const { siteId, admin } = await freshSite();
    const serving = await continuityAgent(siteId);
    // A second agent account of the same site, with its own socket: jobs only, never the other's blocks or secret.
    const other = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${await accountFor("agent", [siteId])}`);
    await other.waitFor((m) => m.type === "snapshot");
    // A manager may watch the agent's jobs, but may not serve continuity (nor learn the local secret).
    const manager = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${admin}`);
    await manager.waitFor((m) => m.type === "snapshot");
    manager.ws.send(JSON.stringify({ type: "continuity", localUrl: LOCAL_URL }));
    await manager.waitFor((m) => m.type === "error" && m.code === "FORBIDDEN");

    const ticket = await issue(siteId, admin, "rej");
    await serving.socket.waitFor((m) => agentView(m)?.continuity?.tickets.some((t) => t.id === ticket.id) === true);
    await new Promise((r) => setTimeout(r, 200));
    for (const s of [other, manager]) expect(s.messages.filter((m) => agentView(m)?.continuity !== undefined)).toEqual([]);
    expect(await siteSql(siteId, "SELECT count(*) AS n FROM continuity_agents WHERE local_url IS NOT NULL")).toEqual([{ n: 1 }]);
    for (const s of [serving.socket, other, manager]) s.close();
  });

  it("an agent without continuity (null address) gets no replica; a bad address is refused", async () => {
    const { siteId } = await freshSite();
    const token = await accountFor("agent", [siteId]);
    const socket = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${token}`);
    await socket.waitFor((m) => m.type === "snapshot");
    socket.ws.send(JSON.stringify({ type: "continuity", localUrl: "ftp://192.168.1.2/" }));
    await socket.waitFor((m) => m.type === "error" && m.code === "VALIDATION_FAILED");
    socket.ws.send(JSON.stringify({ type: "continuity", localUrl: null }));
    // A frame that changes something of the view (a printer report) shows the view still has no replica.
    socket.ws.send(JSON.stringify({ type: "printer-state", kioskId: "k1", state: "paper-out" }));
    await new Promise((r) => setTimeout(r, 200));
    expect(socket.messages.filter((m) => agentView(m)?.continuity !== undefined)).toEqual([]);
    expect(await siteSql(siteId, "SELECT local_url FROM continuity_agents")).toEqual([{ local_url: null }]);
    expect(await siteSql(siteId, "SELECT * FROM offline_blocks")).toEqual([]);
    socket.close();
  });
});

describe("offline number blocks", () => {
  it("the cloud's numbering jumps over the block, so offline and online numbers never clash", async () => {
    const { siteId, admin } = await freshSite();
    const { socket, replica } = await continuityAgent(siteId);
    const day = replica.day;
    // The day's counter just below the block, as 498 tickets would have left it.
    await siteSql(siteId, "INSERT OR REPLACE INTO counters (day, matter_id, value) VALUES (?, 'rej', 498)", day);
    expect((await issue(siteId, admin, "rej")).number).toBe("R499");
    expect((await issue(siteId, admin, "rej")).number).toBe("R1000");
    expect((await issue(siteId, admin, "rej")).number).toBe("R1001");
    // The other matter's numbering is untouched.
    expect((await issue(siteId, admin, "pj")).number).toBe("P001");
    socket.close();
  });

  it("a new local day sets aside the new tomorrow's blocks, and yesterday's go", async () => {
    const { siteId, admin } = await freshSite();
    const { socket, replica } = await continuityAgent(siteId);
    socket.close();
    const today = replica.day;
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // The site as it was yesterday, with yesterday's and today's blocks only.
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
    await siteSql(siteId, "UPDATE offline_blocks SET day = ? WHERE day = ?", yesterday, today);
    await siteSql(siteId, "UPDATE offline_blocks SET day = ? WHERE day = ?", today, nextDay(today));
    await evictDurableObject(siteObject(siteId));
    // The first ticket of the new day rolls it.
    await issue(siteId, admin, "rej");
    const days = await siteSql(siteId, "SELECT DISTINCT day FROM offline_blocks ORDER BY day");
    expect(days).toEqual([{ day: today }, { day: nextDay(today) }]);
  });

  it("a day already past 500 gets its block from the next hundred above plus 100", async () => {
    const { siteId } = await freshSite();
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
    await siteSql(siteId, "INSERT OR REPLACE INTO counters (day, matter_id, value) VALUES (?, 'pj', 523)", today);
    const { socket, replica } = await continuityAgent(siteId, LOCAL_URL);
    expect(replica.blocks.find((b) => b.day === today && b.matterId === "pj")).toMatchObject({ first: 700, last: 1199 });
    expect(replica.blocks.find((b) => b.day === today && b.matterId === "rej")).toMatchObject({ first: 500, last: 999 });
    socket.close();
  });
});
