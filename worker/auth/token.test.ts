// Staff and device tokens as JWTs: what is signed, what is believed, and how a key is rotated.
import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signToken, type TokenClaims, verifyToken } from "./token.ts";

const OLD = "an-old-signing-key-of-at-least-thirty-two-bytes";
const NEW = "a-new-signing-key-of-at-least-thirty-two-bytes!";
const now = () => Math.floor(Date.now() / 1000);
const clerk = (): TokenClaims => ({ sub: "urzednik1", role: "clerk", sites: ["demo"], desks: ["d1"], exp: now() + 3600 });

function part(token: string, i: number): Record<string, unknown> {
  const text = atob((token.split(".")[i] ?? "").replaceAll("-", "+").replaceAll("_", "/"));
  return JSON.parse(text) as Record<string, unknown>;
}

describe("staff tokens", () => {
  it("are standard JWTs: HS256, a key id in the header, issuer, issued-at and expiry in the claims", async () => {
    const token = await signToken(clerk(), NEW);
    expect(token.split(".")).toHaveLength(3);
    expect(part(token, 0)).toMatchObject({ alg: "HS256", typ: "JWT", kid: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/) });
    expect(part(token, 1)).toMatchObject({ sub: "urzednik1", role: "clerk", iss: "numerek", iat: expect.any(Number) });
    expect(await verifyToken(token, { current: NEW })).toMatchObject({ sub: "urzednik1", role: "clerk", sites: ["demo"], desks: ["d1"] });
  });

  it("a rotated key: tokens of the previous key are believed while it is listed as previous, then no more", async () => {
    const old = await signToken(clerk(), OLD);
    expect(part(old, 0).kid).not.toBe(part(await signToken(clerk(), NEW), 0).kid);
    expect(await verifyToken(old, { current: NEW, previous: OLD })).not.toBeNull();
    expect(await verifyToken(old, { current: NEW })).toBeNull();
  });

  it("a token believed once is believed again only while unexpired and while its key is", async () => {
    const claims = { ...clerk(), exp: now() + 60 };
    const token = await signToken(claims, OLD);
    expect(await verifyToken(token, { current: OLD })).toMatchObject({ sub: "urzednik1" });
    expect(await verifyToken(token, { current: OLD }, claims.exp - 1)).toMatchObject({ sub: "urzednik1" });
    expect(await verifyToken(token, { current: OLD }, claims.exp)).toBeNull();
    expect(await verifyToken(token, { current: NEW, previous: OLD })).not.toBeNull();
    expect(await verifyToken(token, { current: NEW })).toBeNull();
  });

  it("refuses expired tokens, tokens of another key, changed claims, other algorithms and unsigned tokens", async () => {
    expect(await verifyToken(await signToken({ ...clerk(), exp: now() - 1 }, NEW), { current: NEW })).toBeNull();
    expect(await verifyToken(await signToken(clerk(), OLD), { current: NEW })).toBeNull();

    const [h, , s] = (await signToken(clerk(), NEW)).split(".");
    const manager = btoa(JSON.stringify({ ...clerk(), role: "manager", sites: ["*"], iss: "numerek", iat: now() }))
      .replaceAll("=", "")
      .replaceAll("+", "-")
      .replaceAll("/", "_");
    expect(await verifyToken(`${h}.${manager}.${s}`, { current: NEW })).toBeNull();

    const key = new TextEncoder().encode(NEW);
    const kid = part(await signToken(clerk(), NEW), 0).kid as string;
    const hs512 = await new SignJWT({ ...clerk() }).setProtectedHeader({ alg: "HS512", kid }).setIssuer("numerek").setIssuedAt().sign(key);
    expect(await verifyToken(hs512, { current: NEW })).toBeNull();
    const unsigned = new UnsecuredJWT({ ...clerk() }).setIssuer("numerek").setIssuedAt().encode();
    expect(await verifyToken(unsigned, { current: NEW })).toBeNull();
  });

  it("refuses a genuine signature over claims numerek does not know (a role that does not exist)", async () => {
    const key = new TextEncoder().encode(NEW);
    const kid = part(await signToken(clerk(), NEW), 0).kid as string;
    const odd = await new SignJWT({ sub: "x", role: "root", sites: ["*"] })
      .setProtectedHeader({ alg: "HS256", kid })
      .setIssuer("numerek")
      .setIssuedAt()
      .setExpirationTime(now() + 60)
      .sign(key);
    expect(await verifyToken(odd, { current: NEW })).toBeNull();
  });

  it("never throws on garbage", async () => {
    for (const t of ["", "a.b.c", "v1.abc.def", "....", "x".repeat(9000), "eyJhbGciOiJIUzI1NiJ9.e30."]) {
      expect(await verifyToken(t, { current: NEW })).toBeNull();
    }
  });
});
