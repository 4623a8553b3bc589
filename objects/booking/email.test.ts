// E-mail addresses as a booking's contact (R6): what is accepted, how it is stored, how staff see it.
import { describe, expect, it } from "vitest";
import { emailKey, maskContact, maskEmail, normalizeEmail } from "./email.ts";

describe("normalizeEmail", () => {
  it("trims and lower-cases the domain only", () => {
    expect(normalizeEmail("  Jan.Kowalski@Example.PL ")).toEqual({ ok: true, email: "Jan.Kowalski@example.pl" });
    expect(normalizeEmail("biuro+rezerwacje@um.torun.pl")).toEqual({ ok: true, email: "biuro+rezerwacje@um.torun.pl" });
    expect(normalizeEmail("a@b.co.")).toEqual({ ok: true, email: "a@b.co" });
  });

  it("stores Unicode domains in punycode", () => {
    expect(normalizeEmail("jan@Urząd.pl")).toEqual({ ok: true, email: "jan@xn--urzd-dta.pl" });
  });

  it("reports empty input", () => {
    expect(normalizeEmail("")).toEqual({ ok: false, reason: "empty" });
    expect(normalizeEmail("  ")).toEqual({ ok: false, reason: "empty" });
  });

  it.each([
    "jan",
    "jan@",
    "@example.pl",
    "jan@example",
    "jan@@example.pl",
    "jan kowalski@example.pl",
    "jan..k@example.pl",
    ".jan@example.pl",
    "jan.@example.pl",
    "jan@-example.pl",
    "jan@example-.pl",
    "jan@example..pl",
    "jan@example.p",
    "jan@example.123",
    "jan@[127.0.0.1]",
    '"jan"@example.pl',
    "jan@exa mple.pl",
    "jan@example.pl/x",
  ])("refuses %j", (input) => {
    expect(normalizeEmail(input)).toEqual({ ok: false, reason: "format" });
  });

  it("refuses overlong parts", () => {
    expect(normalizeEmail(`${"a".repeat(65)}@example.pl`).ok).toBe(false);
    expect(normalizeEmail(`${"a".repeat(64)}@example.pl`).ok).toBe(true);
    expect(normalizeEmail(`a@${"b".repeat(64)}.pl`).ok).toBe(false);
    expect(normalizeEmail(`a@${Array(5).fill("b".repeat(60)).join(".")}.pl`).ok).toBe(false);
  });

  it("refuses addresses over 254 characters, spaces and a second @", () => {
    const local = "a".repeat(64);
    const long = `${local}@${["b".repeat(63), "c".repeat(63), "d".repeat(59)].join(".")}.pl`;
    expect(long.length).toBe(255);
    expect(normalizeEmail(long)).toEqual({ ok: false, reason: "format" });
    expect(normalizeEmail(long.slice(1)).ok).toBe(true);
    expect(normalizeEmail("jan@kowalski@example.pl")).toEqual({ ok: false, reason: "format" });
    expect(normalizeEmail("jan\t@example.pl")).toEqual({ ok: false, reason: "format" });
  });
});

describe("emailKey", () => {
  it("counts one mailbox however its letters are cased", () => {
    expect(emailKey("Jan.Kowalski@example.pl")).toBe(emailKey("jan.kowalski@example.pl"));
  });

  it("counts an address with a +tag as the address without it", () => {
    expect(emailKey("jan+1@example.pl")).toBe("jan@example.pl");
    expect(emailKey("Jan+Urzad+2@Example.pl")).toBe("jan@example.pl");
  });

  it("counts Gmail addresses without their dots, googlemail.com as gmail.com", () => {
    expect(emailKey("j.a.n.kowalski+x@gmail.com")).toBe("jankowalski@gmail.com");
    expect(emailKey("JanKowalski@googlemail.com")).toBe("jankowalski@gmail.com");
  });

  it("keeps dots elsewhere, where they make another mailbox", () => {
    expect(emailKey("jan.kowalski@example.pl")).not.toBe(emailKey("jankowalski@example.pl"));
  });
});

describe("maskEmail and maskContact", () => {
  it("shows the first letter and the domain", () => {
    expect(maskEmail("jan.kowalski@example.com")).toBe("j***@example.com");
    expect(maskEmail("Ż@urząd.pl")).toBe("***");
    expect(maskEmail("z@xn--urzd-dta.pl")).toBe("z***@xn--urzd-dta.pl");
  });

  it("never echoes what is not an address", () => {
    expect(maskEmail("")).toBe("***");
    expect(maskEmail("@example.com")).toBe("***");
    expect(maskEmail("jan@")).toBe("***");
    expect(maskEmail("jan@<script>.pl")).toBe("***");
  });

  it("masks either channel's recipient", () => {
    expect(maskContact("+48600700789")).toBe("+48 *** *** 789");
    expect(maskContact("anna@um.torun.pl")).toBe("a***@um.torun.pl");
  });
});
