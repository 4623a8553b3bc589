// Reads what the site object sends the agent, validated at the edge: a frame that does not parse
// is logged and dropped, never trusted. Mirrors the agent's part of protocol/live.ts.
import { z } from "zod";
import type { AgentJob } from "../protocol/live.ts";
import { PONG } from "../protocol/live.ts";

const PrintJobSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.literal("print"),
  ticket: z.object({
    number: z.string().min(1).max(16),
    matterName: z.string().max(200),
    siteName: z.string().max(200),
    city: z.string().max(100),
    waitingAhead: z.number().int().min(0),
    estimatedWaitMinutes: z.number().min(0),
    takenAt: z.string(),
    eticketUrl: z.string().min(1).max(500),
  }),
  kioskId: z.string().nullable(),
  createdAt: z.string(),
});

const AnnounceJobSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.literal("announce"),
  number: z.string().min(1).max(16),
  deskName: z.string().max(200),
  deskNumber: z.number().int().min(0),
  createdAt: z.string(),
});

export const AgentJobSchema = z.discriminatedUnion("kind", [PrintJobSchema, AnnounceJobSchema]);

// The schema's output must be usable wherever the protocol's AgentJob is expected.
const _sameShape: (j: z.output<typeof AgentJobSchema>) => AgentJob = (j) => j;
void _sameShape;

// Jobs are checked one by one, so a job this agent cannot read (a newer kind) does not hide the others.
const View = z.object({ jobs: z.array(z.unknown()) });
const Frame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("snapshot"), seq: z.number().int(), role: z.literal("agent"), view: View }),
  z.object({ type: z.literal("update"), seq: z.number().int(), prev: z.number().int(), role: z.literal("agent"), view: View }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);

export type Incoming =
  | { type: "jobs"; snapshot: boolean; seq: number; jobs: AgentJob[]; unreadable: number }
  | { type: "error"; code: string; message: string }
  | { type: "pong" }
  | { type: "invalid"; why: string };

export function readFrame(text: string): Incoming {
  if (text === PONG) return { type: "pong" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: "invalid", why: "not JSON" };
  }
  const f = Frame.safeParse(json);
  if (!f.success) return { type: "invalid", why: f.error.issues[0]?.message ?? "unknown frame" };
  const m = f.data;
  if (m.type === "error") return m;
  const jobs: AgentJob[] = [];
  for (const j of m.view.jobs) {
    const job = AgentJobSchema.safeParse(j);
    if (job.success) jobs.push(job.data);
  }
  return { type: "jobs", snapshot: m.type === "snapshot", seq: m.seq, jobs, unreadable: m.view.jobs.length - jobs.length };
}
