import { describe, expect, it } from "vitest";
import { lanAddress, redactLine, startOptions } from "./start-options.mjs";

const v4 = (address: string, internal = false) => ({ address, family: "IPv4", internal });
const v6 = (address: string, internal = false) => ({ address, family: "IPv6", internal });

describe("lanAddress: the address a phone on the same network opens", () => {
  it("takes the Wi-Fi or Ethernet address, never loopback, IPv6 or link-local", () => {
    expect(
      lanAddress({
        lo: [v4("127.0.0.1", true), v6("::1", true)],
        eth0: [v6("fe80::1"), v4("169.254.10.2")],
        wlan0: [v6("fe80::2"), v4("192.168.1.23")],
      }),
    ).toBe("192.168.1.23");
  });

  it("prefers a real interface over a container's or VM's bridge, whatever their order", () => {
    expect(lanAddress({ docker0: [v4("172.17.0.1")], "br-4f2a": [v4("172.18.0.1")], enp3s0: [v4("10.0.5.17")] })).toBe("10.0.5.17");
    expect(lanAddress({ virbr0: [v4("192.168.122.1")], wlp2s0: [v4("192.168.0.42")] })).toBe("192.168.0.42");
  });

  it("prefers a private address, takes a public one when that is all, a bridge as the last resort", () => {
    expect(lanAddress({ eth0: [v4("203.0.113.7")], eth1: [v4("192.168.8.2")] })).toBe("192.168.8.2");
    expect(lanAddress({ eth0: [v4("203.0.113.7")] })).toBe("203.0.113.7");
    expect(lanAddress({ docker0: [v4("172.17.0.1")] })).toBe("172.17.0.1");
  });

  it("is null without a network (Node older than 18 gives the family as a number)", () => {
    expect(lanAddress({ lo: [v4("127.0.0.1", true)] })).toBeNull();
    expect(lanAddress({})).toBeNull();
    expect(lanAddress({ eth0: [{ address: "192.168.1.5", family: 4, internal: false }] })).toBe("192.168.1.5");
  });
});

describe("startOptions: the port and the local network", () => {
  it("takes 8787 and localhost by default; PORT and NUMEREK_LAN from the environment", () => {
    expect(startOptions([], {})).toEqual({ port: 8787, lan: false });
    expect(startOptions([], { PORT: "8080", NUMEREK_LAN: "1" })).toEqual({ port: 8080, lan: true });
  });

  it("reads --port and --lan after `npm start --`, an address given with --lan=", () => {
    expect(startOptions(["--port", "9000", "--lan"], { PORT: "8080" })).toEqual({ port: 9000, lan: true });
    expect(startOptions(["--port=9001", "--lan=192.168.1.50"], {})).toEqual({ port: 9001, lan: "192.168.1.50" });
  });

  it("refuses what it does not know, and a port that is not one", () => {
    expect(() => startOptions(["--lna"], {})).toThrow(/unknown option --lna/);
    expect(() => startOptions(["--port", "http"], {})).toThrow(/port/);
    expect(() => startOptions([], { PORT: "70000" })).toThrow(/port/);
  });
});

describe("redactLine: what npm start shows of wrangler's lines", () => {
  it("cuts the secret part of an e-ticket's token from request paths", () => {
    expect(redactLine("[wrangler:info] GET /api/v1/etickets/demo.Q7zr-x_9KpLmN2vB4cD8eF 200 OK (3ms)")).toBe(
      "[wrangler:info] GET /api/v1/etickets/demo.… 200 OK (3ms)",
    );
    expect(redactLine("[wrangler:info] GET /t/torun-wk.Q7zr-x_9KpLmN2vB4cD8eF 200 OK (3ms)")).toBe(
      "[wrangler:info] GET /t/torun-wk.… 200 OK (3ms)",
    );
    expect(redactLine("[wrangler:info] POST /api/v1/etickets/demo.abc_DEF-123/notify 202 Accepted (9ms)")).toBe(
      "[wrangler:info] POST /api/v1/etickets/demo.…/notify 202 Accepted (9ms)",
    );
  });

  it("masks the recipients of the local e-mail binding, and nothing else", () => {
    expect(redactLine("  To: anna.nowak@example.pl, Jan <jan@example.pl>")).toBe("  To: a***@example.pl, Jan <j***@example.pl>");
    expect(redactLine("From: numerek <rezerwacje@numerek.example>")).toBe("From: numerek <rezerwacje@numerek.example>");
    expect(redactLine("[wrangler:info] GET /api/v1/sites 200 OK (4ms)")).toBe("[wrangler:info] GET /api/v1/sites 200 OK (4ms)");
  });
});
