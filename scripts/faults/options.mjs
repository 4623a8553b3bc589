// The command line of `npm run faults`: `--only <row>[,<row>…]` (repeatable) and `--outage-minutes N`.

export const DEFAULT_OUTAGE_MINUTES = 2;

/**
 * @param {string[]} argv the arguments after the script
 * @param {string[]} names the rows there are, in their order
 * @returns {{ only: string[], outageMinutes: number }} `only`: the rows to run, in the matrix's order
 */
export function faultOptions(argv, names) {
  const picked = [];
  let outageMinutes = DEFAULT_OUTAGE_MINUTES;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--only") {
      for (const name of value().split(",")) {
        if (!names.includes(name)) throw new Error(`unknown row "${name}" (rows: ${names.join(", ")})`);
        picked.push(name);
      }
    } else if (flag === "--outage-minutes") {
      const v = value();
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0 || n > 60) throw new Error(`--outage-minutes: "${v}" is not a number of minutes from 0 to 60`);
      outageMinutes = n;
    } else {
      throw new Error(`unknown option "${arg}" (options: --only <row>, --outage-minutes N)`);
    }
  }
  return { only: picked.length ? names.filter((n) => picked.includes(n)) : [...names], outageMinutes };
}
