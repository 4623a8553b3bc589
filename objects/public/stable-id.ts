// A matter's stable numeric id for feeds that want numbers (Warsaw's idGrupy): FNV-1a over the site's and the
// matter's ids, folded into a positive 31-bit integer. It depends on nothing but the two ids, so reordering,
// renaming or adding matters never changes it, and the same matter id at two sites gets two ids.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 1 … 2^31 − 1, the same for the same (site, matter) forever. */
export function stableMatterNumber(siteId: string, matterId: string): number {
  let h = FNV_OFFSET;
  const bytes = new TextEncoder().encode(`${siteId}/${matterId}`);
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  const n = h & 0x7fffffff;
  return n === 0 ? 1 : n;
}
