// A temporary password made in the browser for a new account: 16 characters of letters and digits
// that are not mistaken for one another when read aloud or copied by hand (no 0/O, 1/l/I).
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function temporaryPassword(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 256 is not a multiple of the alphabet's length; the slight bias does not matter for a password changed at first use.
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}
