// The languages a citizen is spoken to in: the public pages', and so each SMS, e-mail and notification
// that follows from what the citizen did on one of them (a booking, an e-ticket's "tell me when").
import { z } from "zod";

export const CITIZEN_LANGS = ["pl", "en", "uk"] as const;
export const CitizenLang = z.enum(CITIZEN_LANGS);
export type CitizenLang = z.infer<typeof CitizenLang>;

/** A stored language read back: anything unknown (an older row) is Polish. */
export const citizenLangOf = (s: unknown): CitizenLang => (s === "en" || s === "uk" ? s : "pl");
