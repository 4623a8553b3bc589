// The e-ticket's browser notifications as decisions: a few browsers per ticket, the same request twice
// changes nothing, and after each attempt the row as the push service's answer leaves it.
import { describe, expect, it } from "vitest";
import { MIN, T0, ticket } from "../../queue/test-fixtures.ts";
import { PushBook, type PushSubscriptionRow } from "../push-store.ts";
import { afterPushAttempt, MAX_PUSH_PER_TICKET, PUSH_MAX_ATTEMPTS, subscribePush, turnPushes } from "./push.ts";

const keys = { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) };
const request = (endpoint: string, ahead = 2) => ({ subscription: { endpoint, keys }, ahead, lang: "pl" as const });
const settings = { secret: "s", publicUrl: "https://numerek.example" };

function rowsOf(book: PushBook, d: ReturnType<typeof subscribePush>): PushBook {
  return book.with(d.change.pushSubscriptions ?? [], d.change.droppedPushSubscriptions ?? []);
}

describe("push subscriptions of a ticket", () => {
  const waiting = ticket("R003", "rej", T0);

  it("takes a few browsers per ticket, the same request again changing nothing", () => {
    let book = new PushBook();
    for (let i = 0; i < MAX_PUSH_PER_TICKET; i++) {
      const d = subscribePush(book, waiting, request(`https://fcm.googleapis.com/fcm/send/${i}`), T0);
      expect(d.result).toEqual({ ok: true, value: { ticketId: waiting.id, ahead: 2 } });
      book = rowsOf(book, d);
    }
    expect(subscribePush(book, waiting, request("https://fcm.googleapis.com/fcm/send/0"), T0).change).toEqual({});
    expect(subscribePush(book, waiting, request("https://fcm.googleapis.com/fcm/send/9"), T0).result).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
    expect(
      subscribePush(book, { ...waiting, status: "called" }, request("https://fcm.googleapis.com/fcm/send/0", 3), T0).result,
    ).toMatchObject({
      ok: false,
      code: "TICKET_NOT_WAITING",
    });
    expect(subscribePush(book, null, request("https://fcm.googleapis.com/fcm/send/0"), T0).result).toMatchObject({
      code: "UNKNOWN_ETICKET",
    });
  });

  it("writes the notification due on the subscription, and after the push service's answer clears, retries or deletes it", () => {
    const book = rowsOf(new PushBook(), subscribePush(new PushBook(), waiting, request("https://fcm.googleapis.com/fcm/send/a", 1), T0));
    const due = turnPushes(book, new Map([[waiting.id, waiting]]), null, T0, settings, "off").pushSubscriptions ?? [];
    expect(due).toHaveLength(1);
    const row = due[0] as PushSubscriptionRow;
    expect(JSON.parse(row.pending ?? "")).toEqual({
      v: 1,
      kind: "near",
      number: "R003",
      ahead: 0,
      lang: "pl",
      url: `https://numerek.example/t/${waiting.token}`,
    });
    const sent = row.pending ?? "";

    expect(afterPushAttempt(row, sent, { kind: "sent" }, T0).pushSubscriptions?.[0]).toMatchObject({ pending: null, nearSent: true });
    expect(afterPushAttempt(row, sent, { kind: "gone" }, T0)).toEqual({ droppedPushSubscriptions: [row.id] });
    const retried = afterPushAttempt(row, sent, { kind: "retry", error: "503" }, T0).pushSubscriptions?.[0];
    expect(retried).toMatchObject({ pending: sent, attempts: 1, nextAt: T0 + 30_000 });
    const last = { ...row, attempts: PUSH_MAX_ATTEMPTS - 1 };
    expect(afterPushAttempt(last, sent, { kind: "retry", error: "503" }, T0).pushSubscriptions?.[0]).toMatchObject({ pending: null });
    // Too late for its window: given up.
    expect(
      afterPushAttempt({ ...row, attempts: 3 }, sent, { kind: "retry", error: "503" }, T0 + 29 * MIN).pushSubscriptions?.[0],
    ).toMatchObject({
      pending: null,
    });
    // A newer notification took its place meanwhile: left as it is (a 410 still deletes the subscription).
    const newer = { ...row, pending: "{}" };
    expect(afterPushAttempt(newer, sent, { kind: "sent" }, T0)).toEqual({});
    expect(afterPushAttempt(newer, sent, { kind: "gone" }, T0)).toEqual({ droppedPushSubscriptions: [row.id] });
  });
});
