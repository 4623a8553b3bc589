// The site object's sender of browser notifications: the VAPID keys from the Worker's settings, the
// transport (fetch; a test hands in one that reaches its loopback push service). Never throws.
import type { PushResult, PushTransport } from "../push/send.ts";
import { sendPush } from "../push/send.ts";
import { pushSetupOf, type VapidSettings } from "../push/vapid-keys.ts";
import type { PushSubscriptionRow } from "./push-store.ts";

export class PushSender {
  private transport: PushTransport | undefined;

  constructor(private readonly settings: VapidSettings) {}

  /** Replaces the transport (tests: one that reaches a loopback push service). */
  useTransport(transport: PushTransport): void {
    this.transport = transport;
  }

  async send(sub: PushSubscriptionRow, payload: string): Promise<PushResult> {
    const setup = pushSetupOf(this.settings);
    if (setup.kind !== "on") return { kind: "refused", error: "push is not configured" };
    const ttlSeconds = Math.max(60, Math.round(((sub.expiresAt ?? Date.now()) - Date.now()) / 1000));
    try {
      return await sendPush(sub, payload, {
        keys: setup.keys,
        ttlSeconds,
        urgency: "high",
        // One topic per subscription: a newer notification replaces one the service still holds.
        topic: "numerek-turn",
        ...(this.transport ? { transport: this.transport } : {}),
      });
    } catch (err) {
      return { kind: "retry", error: `push error: ${err instanceof Error ? err.name : "error"}` };
    }
  }
}
