// The booking steps in the browser's history and the tab's session storage: each step has its own URL,
// Back and Forward move between the steps reached, and a reload (or a return from the SMS app) finds
// the same step with what was chosen and entered, the held slot and its code included.
import type { Contact, Flow } from "./flow.ts";

const KEY = "numerek.booking.flow";

/** What the tab keeps: the furthest step reached with everything chosen on the way, and the form's contact. */
export interface Saved {
  furthest: Flow;
  contact: Contact;
  city: string | null;
  /** The contact the held slot's code went to: the same details again continue that hold. */
  heldFor: Contact | null;
}

export function stepPath(step: Flow["step"]): string {
  return step === 1 ? "/booking" : `/booking/step/${step}`;
}

/** The step a URL names: 1 for /booking, n for /booking/step/n; null for any other path. */
export function stepOfPath(pathname: string): Flow["step"] | null {
  if (/^\/booking\/?$/.test(pathname)) return 1;
  const m = /^\/booking\/step\/([1-6])\/?$/.exec(pathname);
  return m ? (Number(m[1]) as Flow["step"]) : null;
}

/** The flow as it stood at `step`, from the furthest one reached; null when `step` lies beyond it. */
export function flowAt(furthest: Flow, step: Flow["step"]): Flow | null {
  if (step > furthest.step) return null;
  const f = furthest as Partial<Extract<Flow, { step: 6 }>>;
  switch (step) {
    case 1:
      return { step: 1 };
    case 2:
      return f.matter ? { step: 2, matter: f.matter } : null;
    case 3:
      return f.matter && f.site ? { step: 3, matter: f.matter, site: f.site } : null;
    case 4:
      return f.matter && f.site && f.start ? { step: 4, matter: f.matter, site: f.site, start: f.start } : null;
    case 5:
      return f.matter && f.site && f.start && f.hold ? { step: 5, matter: f.matter, site: f.site, start: f.start, hold: f.hold } : null;
    case 6:
      return furthest.step === 6 ? furthest : null;
  }
}

/** Whether a hold is still waiting for its code (an ended one is never continued). */
export function holdPending(furthest: Flow, now: number): boolean {
  return furthest.step === 5 && Date.parse(furthest.hold.expiresAt) > now;
}

export function sameContact(a: Contact, b: Contact): boolean {
  return (
    a.channel === b.channel && a.name.trim() === b.name.trim() && a.phone.trim() === b.phone.trim() && a.email.trim() === b.email.trim()
  );
}

export function load(storage: Pick<Storage, "getItem">): Saved | null {
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? "null") as Saved | null;
    return saved && typeof saved === "object" && typeof saved.furthest?.step === "number" && saved.contact ? saved : null;
  } catch {
    return null;
  }
}

export function save(storage: Pick<Storage, "setItem">, saved: Saved): void {
  try {
    storage.setItem(KEY, JSON.stringify(saved));
  } catch {
    /* storage full or refused: the steps still work, only a reload forgets them */
  }
}
