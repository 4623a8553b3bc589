// What a new configuration would do to today's queue: a change that would strand people is refused.
// Removing a matter while tickets of it are open (waiting, called, served, put aside after a miss),
// removing a desk that has called or serves someone or that someone waits for alone (a transfer to it,
// a missed client it will call again), or leaving waiting tickets of a matter with no desk to serve
// them: each would leave a person in the hall whom nobody can call. Nothing else of the queue moves.
import { assertNever } from "../../protocol/live.ts";
import type { Ticket } from "./model.ts";
import { isActive } from "./model.ts";
import type { DeskMatters } from "./order.ts";

/** People a configuration would strand, grouped by what strands them. */
export type Stranding =
  | { kind: "matter-removed"; matterId: string; numbers: string[] }
  | { kind: "desk-removed"; deskId: string; numbers: string[] }
  | { kind: "matter-unserved"; matterId: string; numbers: string[] };

/** The site as a configuration describes it, as far as the queue cares. */
export interface QueueShape {
  matterIds: ReadonlySet<string>;
  desks: readonly DeskMatters[];
}

function group(out: Map<string, string[]>, key: string, t: Ticket): void {
  const list = out.get(key);
  if (list) list.push(t.number);
  else out.set(key, [t.number]);
}

/** Every way the new shape would strand today's open tickets (empty: the change is safe). */
export function strandings(tickets: Iterable<Ticket>, next: QueueShape): Stranding[] {
  const deskIds = new Set(next.desks.map((d) => d.id));
  const served = new Set(next.desks.flatMap((d) => d.matterIds));
  const matterGone = new Map<string, string[]>();
  const deskGone = new Map<string, string[]>();
  const unserved = new Map<string, string[]>();
  for (const t of tickets) {
    if (!isActive(t)) continue;
    if (!next.matterIds.has(t.matterId)) group(matterGone, t.matterId, t);
    else if (t.deskId !== null && !deskIds.has(t.deskId)) group(deskGone, t.deskId, t);
    else if (t.deskId === null && !served.has(t.matterId)) group(unserved, t.matterId, t);
  }
  return [
    ...[...matterGone].map(([matterId, numbers]): Stranding => ({ kind: "matter-removed", matterId, numbers: numbers.sort() })),
    ...[...deskGone].map(([deskId, numbers]): Stranding => ({ kind: "desk-removed", deskId, numbers: numbers.sort() })),
    ...[...unserved].map(([matterId, numbers]): Stranding => ({ kind: "matter-unserved", matterId, numbers: numbers.sort() })),
  ];
}

/** "2 tickets (A001, A002) are", "1 ticket (A001) is": how many, and which (the first five). */
function people(numbers: readonly string[]): string {
  const shown = numbers.slice(0, 5).join(", ");
  const more = numbers.length > 5 ? ` and ${numbers.length - 5} more` : "";
  const one = numbers.length === 1;
  return `${numbers.length} ${one ? "ticket" : "tickets"} (${shown}${more}) ${one ? "is" : "are"}`;
}

/** What the refusal says: how many tickets, which, and which matter or desk; the first stranding is named first. */
export function describeStrandings(
  list: readonly Stranding[],
  names: { matter: (id: string) => string; desk: (id: string) => string },
): string {
  return list
    .map((s) => {
      switch (s.kind) {
        case "matter-removed":
          return `matter ${JSON.stringify(s.matterId)} (${names.matter(s.matterId)}) is removed while ${people(s.numbers)} open today`;
        case "desk-removed":
          return `desk ${JSON.stringify(s.deskId)} (${names.desk(s.deskId)}) is removed while ${people(s.numbers)} called to it, served there or waiting for it`;
        case "matter-unserved":
          return `no desk would serve matter ${JSON.stringify(s.matterId)} (${names.matter(s.matterId)}) while ${people(s.numbers)} waiting`;
        default:
          return assertNever(s);
      }
    })
    .join("; ");
}
