// Random integers for codes: a RandomInt source passed in, so the platform CSPRNG runs in production
// and a fixed sequence in tests.

/** An integer in [0, maxExclusive). */
export type RandomInt = (maxExclusive: number) => number;

/** The platform's cryptographic source, without modulo bias (rejection sampling over 32-bit words). */
export function cryptoRandomInt(maxExclusive: number): number {
  if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32) {
    throw new RangeError(`maxExclusive must be an integer 1..2^32, got ${maxExclusive}`);
  }
  const limit = 2 ** 32 - (2 ** 32 % maxExclusive);
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    const v = word[0] ?? 0;
    if (v < limit) return v % maxExclusive;
  }
}

/** One draw from `random`, checked: a source that breaks its contract (e.g. Math.random passed by mistake) throws. */
export function draw(random: RandomInt, maxExclusive: number): number {
  const v = random(maxExclusive);
  if (!Number.isInteger(v) || v < 0 || v >= maxExclusive) {
    throw new RangeError(`random source gave ${v}, expected an integer in [0, ${maxExclusive})`);
  }
  return v;
}
