// Which delivery report of an SMS is kept when Twilio's reports arrive late, twice or out of order.
import { describe, expect, it } from "vitest";
import { applyDeliveryReport, type DeliveryState, deliveryRank } from "./delivery-status.ts";

const T0 = Date.UTC(2026, 10, 23, 8, 0);
const none: DeliveryState = { status: null, deliveredAt: null, error: null };
const report = (status: string, errorCode: string | null = null) => ({ status, errorCode });

describe("applyDeliveryReport", () => {
  it("records progress up to delivered, with the time it was delivered", () => {
    let s = applyDeliveryReport(none, report("queued"), T0);
    expect(s).toEqual({ status: "queued", deliveredAt: null, error: null });
    s = applyDeliveryReport(s, report("sent"), T0 + 1000);
    s = applyDeliveryReport(s, report("delivered"), T0 + 5000);
    expect(s).toEqual({ status: "delivered", deliveredAt: T0 + 5000, error: null });
  });

  it("ignores a late report of an earlier stage", () => {
    const delivered = applyDeliveryReport(none, report("delivered"), T0);
    expect(applyDeliveryReport(delivered, report("sent"), T0 + 1000)).toBe(delivered);
    expect(applyDeliveryReport(delivered, report("queued"), T0 + 1000)).toBe(delivered);
  });

  it("keeps the error code of an undelivered or failed message, 'unknown' when Twilio gave none", () => {
    expect(applyDeliveryReport(none, report("undelivered", "30003"), T0)).toEqual({
      status: "undelivered",
      deliveredAt: null,
      error: "30003",
    });
    expect(applyDeliveryReport(none, report("failed"), T0)).toEqual({ status: "failed", deliveredAt: null, error: "unknown" });
  });

  it("a delivery outranks a failure (two provider messages for one outbox message), never the other way", () => {
    const failed = applyDeliveryReport(none, report("failed", "30008"), T0);
    const delivered = applyDeliveryReport(failed, report("delivered"), T0 + 1000);
    expect(delivered).toEqual({ status: "delivered", deliveredAt: T0 + 1000, error: null });
    expect(applyDeliveryReport(delivered, report("undelivered", "30003"), T0 + 2000)).toBe(delivered);
  });

  it("a repeated report keeps the first delivery time", () => {
    const delivered = applyDeliveryReport(none, report("delivered"), T0);
    expect(applyDeliveryReport(delivered, report("delivered"), T0 + 9000).deliveredAt).toBe(T0);
  });

  it("an unknown status is kept only while nothing better is known", () => {
    expect(deliveryRank("partially_delivered")).toBe(0);
    expect(applyDeliveryReport(none, report("partially_delivered"), T0).status).toBe("partially_delivered");
    const sent = applyDeliveryReport(none, report("sent"), T0);
    expect(applyDeliveryReport(sent, report("partially_delivered"), T0)).toBe(sent);
  });
});
