import { describe, expect, it } from "vitest";
import { pushEndpointProblem } from "./endpoint-rule.ts";

describe("push endpoints numerek sends to", () => {
  it("takes the push services browsers use, in production", () => {
    for (const e of [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGuQyavXutnMSOfEz",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ]) {
      expect(pushEndpointProblem(e, "production")).toBeNull();
    }
  });

  it("refuses any other host in production, and takes a public-looking one in demo mode", () => {
    expect(pushEndpointProblem("https://push.numerek.test/p/1", "production")).toBe("unknown-service");
    expect(pushEndpointProblem("https://evil.example.com/fcm.googleapis.com", "production")).toBe("unknown-service");
    expect(pushEndpointProblem("https://fcm.googleapis.com.evil.example/x", "production")).toBe("unknown-service");
    expect(pushEndpointProblem("https://push.numerek.test/p/1", "demo")).toBeNull();
  });

  it("never sends to local or private names, other ports, credentials or plain http, in any mode", () => {
    for (const mode of ["demo", "production"] as const) {
      expect(pushEndpointProblem("http://fcm.googleapis.com/x", mode)).toBe("not-https");
      expect(pushEndpointProblem("https://127.0.0.1/x", mode)).toBe("private-host");
      expect(pushEndpointProblem("https://[::1]/x", mode)).toBe("private-host");
      expect(pushEndpointProblem("https://localhost/x", mode)).toBe("private-host");
      expect(pushEndpointProblem("https://router.lan/x", mode)).toBe("private-host");
      expect(pushEndpointProblem("https://metadata.google.internal/x", mode)).toBe("private-host");
      expect(pushEndpointProblem("https://intranet/x", mode)).toBe("private-host");
      expect(pushEndpointProblem("https://fcm.googleapis.com:8443/x", mode)).toBe("port");
      expect(pushEndpointProblem("https://u:p@fcm.googleapis.com/x", mode)).toBe("credentials");
      expect(pushEndpointProblem("not a url", mode)).toBe("not-https");
    }
  });
});
