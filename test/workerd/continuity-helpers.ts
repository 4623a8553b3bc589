// Helpers of the local continuity tests: the site's agent announcing its address, and offline log entries
// as the agent writes them.

import { eticketToken, randomToken } from "../../objects/site/random.ts";
import type { ContinuityReplica, ContinuityTicket, OfflineDeskAction, OfflineIssue } from "../../protocol/continuity.ts";
import type { ServerMessage } from "../../protocol/live.ts";
import { accountFor, api, LiveSocket } from "./helpers.ts";

export const LOCAL_URL = "http://192.168.10.5:8787";

/** The agent's view of a frame (null for another role or an error). */
export const agentView = (m: ServerMessage) => (m.type !== "error" && m.role === "agent" ? m.view : null);

/** The site's agent: its socket open, its address announced, the replica it then gets. */
export async function continuityAgent(
  siteId: string,
  localUrl: string | null = LOCAL_URL,
  /** The agent's token (the same agent again, after a restart); a new agent account when absent. */
  known?: string,
): Promise<{ socket: LiveSocket; token: string; replica: ContinuityReplica }> {
  const token = known ?? (await accountFor("agent", [siteId]));
  const socket = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${token}`);
  await socket.waitFor((m) => m.type === "snapshot");
  socket.ws.send(JSON.stringify({ type: "continuity", localUrl }));
  const m = await socket.waitFor((m) => agentView(m)?.continuity !== undefined);
  const replica = agentView(m)?.continuity;
  if (!replica) throw new Error("no replica");
  return { socket, token, replica };
}

/** POST …/continuity/replay with the agent's token. */
export function replay(siteId: string, token: string, body: unknown): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/continuity/replay`, { method: "POST", token, json: body });
}

/** An offline walk-in as the agent issued and printed it. */
export function offlineIssue(siteId: string, day: string, seq: number, number: string, matterId: string, at: number): OfflineIssue {
  return {
    type: "issue",
    seq,
    at,
    kioskId: "k1",
    ticket: {
      id: `tk_${randomToken(12)}`,
      token: eticketToken(siteId),
      day,
      number,
      matterId,
      source: "walk-in",
      status: "waiting",
      takenAt: at,
      reservedAt: null,
      deskId: null,
      misses: 0,
      recallAt: null,
      calledAt: null,
      startedAt: null,
      finishedAt: null,
    },
    estimate: { minutes: 10, low: 5, high: 15 },
  };
}

/** The ticket as the agent keeps it (without its secret). */
export function row(t: ContinuityTicket & { token?: string }): ContinuityTicket {
  const { token: _secret, ...rest } = t;
  return rest;
}

/** An offline desk command at d1 by clerk `by`, with the ticket row it left and the desk. */
function deskEntry(
  seq: number,
  at: number,
  command: OfflineDeskAction["command"],
  t: ContinuityTicket,
  deskTicket: string | null,
  by: string,
  called: boolean,
): OfflineDeskAction {
  return {
    type: "desk",
    seq,
    at,
    deskId: "d1",
    command,
    by,
    tickets: [t],
    desks: [{ id: "d1", status: "open", ticketId: deskTicket }],
    calls: called ? [{ ticketId: t.id, number: t.number, deskId: "d1", at, attempt: 1, reason: "call" }] : [],
  };
}

/** Offline at d1: the ticket called, its service started, finished; each entry with the row after it. */
export function offlineService(
  t: ContinuityTicket,
  firstSeq: number,
  at: number,
  by = "urzednik-offline",
): { entries: OfflineDeskAction[]; served: ContinuityTicket } {
  const called = { ...t, status: "called" as const, deskId: "d1", calledAt: at };
  const serving = { ...called, status: "serving" as const, startedAt: at + 60_000 };
  const served = { ...serving, status: "served" as const, finishedAt: at + 5 * 60_000 };
  return {
    entries: [
      deskEntry(firstSeq, at, { action: "call", ticketId: t.id }, called, t.id, by, true),
      deskEntry(firstSeq + 1, at + 60_000, { action: "start" }, serving, t.id, by, false),
      deskEntry(firstSeq + 2, at + 5 * 60_000, { action: "finish" }, served, null, by, false),
    ],
    served,
  };
}
