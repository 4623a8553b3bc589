// A desk's pause with its reason (przerwa, szkolenie, inne) through the real Worker and site object:
// kept with the desk's state (also after eviction), shown to its console and its screen, recorded with
// its start and end for the statistics; a console that sends no reason pauses for a break; a retried
// command under the same Idempotency-Key repeats its first answer. Also the console's "Wezwij" beside a
// set-aside ticket, retried.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { DeskActionResponse } from "../../protocol/api.ts";
import type { ServerMessage } from "../../protocol/live.ts";
import {
  accountFor,
  act,
  api,
  desk,
  expectError,
  freshSite,
  issue,
  LiveSocket,
  latest,
  siteObject,
  siteSql,
  storedState,
} from "./helpers.ts";

const view = (m: ServerMessage) => ("view" in m ? (m.view as unknown as { desk: Record<string, unknown> }) : { desk: {} });

async function setup() {
  const { siteId } = await freshSite();
  const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
  return { siteId, clerk };
}

const pauses = (siteId: string) => siteSql(siteId, "SELECT desk_id, reason, started_at, ended_at FROM desk_pauses ORDER BY started_at");

describe("a desk's pause and its reason", () => {
  it("is kept with the desk, shown on its console and its screen, and recorded from start to end", async () => {
    const { siteId, clerk } = await setup();
    const console_ = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${clerk}`);
    const screen = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=desk:d1&access_token=${clerk}`);
    await console_.waitFor((m) => m.type === "snapshot");
    await screen.waitFor((m) => m.type === "snapshot");

    const res = await desk(siteId, "d1", "pause", clerk, { reason: "training" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as DeskActionResponse).desk).toMatchObject({ status: "paused", pauseReason: "training" });
    await console_.waitFor((m) => view(m).desk.pauseReason === "training");
    await screen.waitFor((m) => view(m).desk.pauseReason === "training");
    const [open] = await pauses(siteId);
    expect(open).toMatchObject({ desk_id: "d1", reason: "training", ended_at: null });

    // Rebuilt from SQLite, the desk is still on its training.
    await evictDurableObject(siteObject(siteId));
    const again = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${clerk}`);
    expect(view(await again.waitFor((m) => m.type === "snapshot")).desk).toMatchObject({ status: "paused", pauseReason: "training" });

    await act(siteId, "d1", "resume", clerk);
    await again.waitFor((m) => view(m).desk.status === "open");
    expect(view(latest(again)).desk).not.toHaveProperty("pauseReason");
    const [closed] = await pauses(siteId);
    expect(closed).toMatchObject({ desk_id: "d1", reason: "training", started_at: open?.started_at });
    expect(closed?.ended_at).toBeGreaterThanOrEqual(Number(open?.started_at));

    // The next pause is a record of its own.
    await desk(siteId, "d1", "pause", clerk, { reason: "other" });
    expect((await pauses(siteId)).map((p) => [p.reason, p.ended_at === null])).toEqual([
      ["training", false],
      ["other", true],
    ]);
    for (const s of [console_, screen, again]) s.close();
  });

  it("is a break when a console sends no reason (as consoles before reasons do)", async () => {
    const { siteId, clerk } = await setup();
    const r = await act(siteId, "d1", "pause", clerk);
    expect(r.desk).toMatchObject({ status: "paused", pauseReason: "break" });
    expect(await pauses(siteId)).toMatchObject([{ desk_id: "d1", reason: "break", ended_at: null }]);
  });

  it("refuses a reason it does not know, and stores nothing", async () => {
    const { siteId, clerk } = await setup();
    await expectError(await desk(siteId, "d1", "pause", clerk, { reason: "coffee" }), 400, "VALIDATION_FAILED");
    expect((await storedState(siteId)).desks.find((d) => d.id === "d1")).toMatchObject({ status: "open" });
    expect(await pauses(siteId)).toEqual([]);
  });

  it("retried under the same Idempotency-Key, repeats its first answer; the key with another reason is refused", async () => {
    const { siteId, clerk } = await setup();
    const pause = (reason: string) =>
      api(`/api/v1/sites/${siteId}/desks/d1/pause`, {
        method: "POST",
        token: clerk,
        json: { reason },
        headers: { "Idempotency-Key": "pause-k1" },
      });
    const first = await pause("training");
    expect(first.status).toBe(200);
    const second = await pause("training");
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    await expectError(await pause("break"), 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await pauses(siteId)).toHaveLength(1);
  });
});

describe("the console's „Wezwij” beside a set-aside ticket", () => {
  it("calls the missed ticket at once as its next attempt; a retry under its key calls it once", async () => {
    const { siteId, clerk } = await setup();
    const r1 = await issue(siteId, clerk, "rej");
    await act(siteId, "d1", "call-next", clerk);
    await act(siteId, "d1", "no-show", clerk);
    const callIt = () =>
      api(`/api/v1/sites/${siteId}/desks/d1/call`, {
        method: "POST",
        token: clerk,
        json: { ticketId: r1.id },
        headers: { "Idempotency-Key": "call-missed-k1" },
      });
    const first = await callIt();
    expect(first.status).toBe(200);
    const second = await callIt();
    expect(await second.json()).toEqual(await first.json());
    const stored = await storedState(siteId);
    expect(stored.tickets.find((t) => t.id === r1.id)).toMatchObject({ status: "called", misses: 1, recall_at: null });
    expect(stored.calls.map((c) => [c.number, c.attempt])).toEqual([
      [r1.number, 1],
      [r1.number, 2],
    ]);
    expect(stored.timers.filter((t) => t.kind === "recall")).toEqual([]);
  });
});
