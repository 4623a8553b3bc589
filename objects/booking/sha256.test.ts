import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256.ts";

async function webCrypto(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("matches WebCrypto on every padding length and on UTF-8 text", async () => {
    for (let n = 0; n <= 130; n++) {
      const text = "x".repeat(n);
      expect(sha256Hex(text)).toBe(await webCrypto(text));
    }
    for (const text of ["Zażółć gęślą jaźń", "secret:123456", "🙂 numerek"]) expect(sha256Hex(text)).toBe(await webCrypto(text));
  });
});
