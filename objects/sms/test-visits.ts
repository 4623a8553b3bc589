// Two booked visits the texts of the SMS and the e-mails are tested with: a kiosk check-in office and an automatic one.
import type { Visit } from "./messages.ts";

export const KOSZALIN: Visit = {
  siteName: "Urząd Miejski w Koszalinie",
  address: "ul. Rynek Staromiejski 6-7",
  date: "2026-11-24",
  time: "09:30",
  ticket: "R012",
  checkInCode: "7KX3MP",
  manageUrl: "https://numerek.example/r/K7Q2XW9P",
};
export const TORUN: Visit = { ...KOSZALIN, siteName: "USC Toruń", address: "Wały gen. Sikorskiego 8", checkInCode: null };
