// Delivery, the last step of the commit path (objects/site/commit.ts): messages of the outbox and browser
// notifications sent, each result written back through the one write. A command sends what it wrote itself
// and waits for nothing else; the outbox loop sends the rest, one loop at a time; a message being sent is
// claimed, so the two never both send it. A failure waits for its retry time on the alarm.
import type { Change } from "./change.ts";
import { afterPushAttempt } from "./commands/push.ts";
import type { SiteStores } from "./draft.ts";
import type { SiteMemory } from "./memory.ts";
import type { StoredMessage } from "./message-store.ts";
import { afterAttempt, type MessageSender } from "./messages.ts";
import type { PushSender } from "./push-sender.ts";

/** Messages sent per look at the outbox. */
const SEND_BATCH = 20;

export interface DeliveryDeps {
  stores: Pick<SiteStores, "messages" | "push">;
  memory: Pick<SiteMemory, "push">;
  sender: MessageSender;
  pusher: PushSender;
  /** The commit path's one write, for a send's result. */
  write: (change: Change) => void;
  /** The alarm armed for what is due next (the outbox's and the push timers among it). */
  armAlarm: () => Promise<void>;
  log: (what: string, err: unknown) => void;
}

export class Delivery {
  private sending: Promise<void> | null = null;
  private pushing: Promise<void> | null = null;
  /** Messages being sent right now; nobody else sends them meanwhile. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly d: DeliveryDeps) {}

  /** Sends what is due in the outbox. One loop at a time. */
  messages(): Promise<void> {
    this.sending ??= this.sendDue().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  /** Sends the browser notifications due. One loop at a time. */
  pushes(): Promise<void> {
    this.pushing ??= this.pushDue().finally(() => {
      this.pushing = null;
    });
    return this.pushing;
  }

  /** Messages a command wrote itself, sent now (unless already on their way or no longer due). */
  async own(ids: readonly string[]): Promise<void> {
    await Promise.all(
      ids.map(async (id) => {
        try {
          await this.attempt(id);
        } catch (err) {
          // Its result could not be stored: it is still pending, and the outbox timer tries it again.
          this.d.log("sending a message", err);
        }
      }),
    );
    await this.d.armAlarm();
  }

  /** One send and its result. The message is read again and claimed first. */
  private async attempt(id: string): Promise<void> {
    if (this.inFlight.has(id)) return;
    const m = this.d.stores.messages.message(id);
    if (!m || m.status !== "pending" || m.nextAt === null || m.nextAt > Date.now()) return;
    this.inFlight.add(id);
    try {
      const result = await this.d.sender.send(m, Date.now());
      this.d.write({ messageRows: [afterAttempt(m, result, Date.now())] });
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** The due messages nobody is sending right now, oldest first. */
  private due(limit: number): StoredMessage[] {
    return this.d.stores.messages
      .dueMessages(Date.now(), limit + this.inFlight.size)
      .filter((m) => !this.inFlight.has(m.id))
      .slice(0, limit);
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      for (let due = this.due(SEND_BATCH); due.length; due = this.due(SEND_BATCH)) {
        for (const m of due) await this.attempt(m.id);
      }
      await this.d.armAlarm();
      // A message written while the alarm was being set goes now, not at the next alarm.
      if (this.due(1).length === 0) return;
    }
  }

  private async pushDue(): Promise<void> {
    const { push } = this.d.stores;
    // Each round sends what is due; a notification written meanwhile goes in the next (a few rounds at most).
    for (let round = 0; round < 5; round++) {
      const due = push.due(Date.now(), SEND_BATCH);
      if (!due.length) break;
      for (const sub of due) {
        const sent = sub.pending;
        if (sent === null) continue;
        const result = await this.d.pusher.send(sub, sent);
        this.d.write(afterPushAttempt(this.d.memory.push.get(sub.id), sent, result, Date.now()));
      }
    }
    await this.d.armAlarm();
  }
}
