import { describe, expect, it } from "vitest";
import type { Ticket } from "../queue/model.ts";
import { ticket as fixture } from "../queue/test-fixtures.ts";
import { decideNoticeRequest, dueNotices, MAX_REQUESTS_PER_TICKET, NoticeBook, type NotifyRequest } from "./notify.ts";

const ticket = (id: string, takenAt: number, status: Ticket["status"] = "waiting"): Ticket => fixture(id, "a", takenAt, { status });
const request = (ticketId: string, ahead: number, sentAt: number | null = null): NotifyRequest => ({
  ticketId,
  day: "2026-11-30",
  phone: "+48600700800",
  ahead,
  requests: 1,
  lang: "pl",
  createdAt: 1,
  sentAt,
});

describe("a holder's request", () => {
  it("is stored with the number in E.164; the same request again changes nothing", () => {
    const t = ticket("t1", 1);
    const first = decideNoticeRequest(null, t, { phone: "600 700 800", ahead: 3 }, ["PL"], 10);
    expect(first).toEqual({
      ok: true,
      value: { changed: true, request: expect.objectContaining({ phone: "+48600700800", ahead: 3, requests: 1, sentAt: null }) },
    });
    if (!first.ok) return;
    expect(decideNoticeRequest(first.value.request, t, { phone: "+48 600 700 800", ahead: 3 }, ["PL"], 20)).toEqual({
      ok: true,
      value: { changed: false, request: first.value.request },
    });
  });

  it("asked again in another language keeps its count and, once sent, stays sent: only the words change", () => {
    const t = ticket("t1", 1);
    const first = decideNoticeRequest(null, t, { phone: "600 700 800", ahead: 3 }, ["PL"], 10);
    if (!first.ok) throw new Error("refused");
    const sent = { ...first.value.request, sentAt: 15 };
    expect(decideNoticeRequest(sent, t, { phone: "600 700 800", ahead: 3, lang: "uk" }, ["PL"], 20)).toEqual({
      ok: true,
      value: { changed: true, request: { ...sent, lang: "uk" } },
    });
  });

  it("is refused for a called ticket, a landline, an out-of-range count and after too many changes", () => {
    expect(decideNoticeRequest(null, ticket("t1", 1, "called"), { phone: "600700800", ahead: 3 }, ["PL"], 1)).toMatchObject({
      ok: false,
      code: "TICKET_NOT_WAITING",
    });
    expect(decideNoticeRequest(null, ticket("t1", 1), { phone: "22 555 12 34", ahead: 3 }, ["PL"], 1)).toMatchObject({
      ok: false,
      code: "PHONE_NOT_MOBILE",
    });
    expect(decideNoticeRequest(null, ticket("t1", 1), { phone: "600700800", ahead: 0 }, ["PL"], 1)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
    });
    const worn = { ...request("t1", 3), requests: MAX_REQUESTS_PER_TICKET };
    expect(decideNoticeRequest(worn, ticket("t1", 1), { phone: "600700800", ahead: 4 }, ["PL"], 1)).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
  });
});

describe("the texts due after a change", () => {
  it("sends a request once its ticket has at most N ahead, forgets one whose ticket left, and costs nothing when none is pending", () => {
    const tickets = new Map([ticket("t1", 1), ticket("t2", 2), ticket("t3", 3)].map((t) => [t.id, t]));
    const book = new NoticeBook([request("t3", 2), request("t2", 0), request("gone", 1)]);
    const due = dueNotices(book, tickets, 99);
    expect(due.sent.map((s) => [s.ticket.id, s.ahead, s.request.sentAt])).toEqual([["t3", 2, 99]]);
    expect(due.dropped).toEqual(["gone"]);

    const after = book.with(
      due.sent.map((s) => s.request),
      due.dropped,
    );
    expect(after.view("t3")).toEqual({ ahead: 2, sent: true });
    expect(after.get("gone")).toBeNull();
    // The book in memory is unchanged until the write is done.
    expect(book.view("t3")).toEqual({ ahead: 2, sent: false });
    expect(dueNotices(new NoticeBook([request("t1", 5, 10)]), tickets, 100)).toEqual({ sent: [], dropped: [] });
  });
});
