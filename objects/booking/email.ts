// E-mail addresses from the booking form (R6 step 4): checked and normalised, and masked for staff screens.
import { maskPhone } from "./phone.ts";

export type EmailResult = { ok: true; email: string } | { ok: false; reason: "empty" | "format" };

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The domain lower-cased, without a trailing dot, Unicode labels in punycode; null when it cannot be one. */
function asciiDomain(domain: string): string | null {
  const d = domain.toLowerCase().replace(/\.$/, "");
  if (/^[\x21-\x7e]*$/.test(d)) return d;
  if (/[\s/\\?#@:%]/.test(d)) return null;
  try {
    return new URL(`http://${d}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * An e-mail address as typed → trimmed, domain lower-cased (the local part keeps its case).
 * Accepts the usual dot-atom addresses: one "@", a local part up to 64 characters, a domain of at least
 * two labels with an alphabetic TLD (Unicode domains are stored in punycode); 254 characters in all. Quoted local parts and IP
 * literals are refused, as no citizen needs them.
 */
export function normalizeEmail(input: string): EmailResult {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  const at = trimmed.lastIndexOf("@");
  const local = trimmed.slice(0, at);
  const domain = asciiDomain(trimmed.slice(at + 1));
  if (domain === null || at < 1 || local.length > 64 || !LOCAL.test(local)) return { ok: false, reason: "format" };
  const labels = domain.split(".");
  const tld = labels.at(-1) ?? "";
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) {
    return { ok: false, reason: "format" };
  }
  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, reason: "format" };
  return { ok: true, email };
}

/** Domains whose mailboxes ignore dots in the local part: "j.an@gmail.com" is "jan@gmail.com". */
const DOTLESS_DOMAINS: ReadonlyMap<string, string> = new Map([
  ["gmail.com", "gmail.com"],
  ["googlemail.com", "gmail.com"],
]);

/**
 * The key limits count an address by, so one mailbox is one key: lower-cased (mailboxes ignore the case of
 * the local part in practice), without a "+tag" ("a+1@x.pl" is "a@x.pl"), and for Gmail without dots and
 * with googlemail.com as gmail.com. Only for counting: messages go to the address as typed.
 */
export function emailKey(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf("@");
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTLESS_DOMAINS.get(domain);
  if (dotless) {
    local = local.replaceAll(".", "");
    domain = dotless;
  }
  return `${local}@${domain}`;
}

/** An address for staff screens: the first character of the local part and the domain, "j***@example.com". Never echoes bad input. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const domain = email.slice(at + 1);
  if (at < 1 || !/^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(domain)) return "***";
  return `${email[0]}***@${domain}`;
}

/** A recipient of either channel masked for staff: an e-mail address or an E.164 number. */
export function maskContact(to: string): string {
  return to.includes("@") ? maskEmail(to) : maskPhone(to);
}
