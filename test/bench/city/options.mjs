// npm run bench:city's options, pure: --minutes M (the longest site day fills M minutes; default: 60×,
// so an 8-hour day takes 8 minutes), --day mon..sat (whose opening hours; default tue), --seed N.

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat"];

export function parseOptions(argv) {
  const options = { minutes: undefined, day: "tue", seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split("=", 2);
    if (!["--minutes", "--day", "--seed"].includes(name)) throw new Error(`unknown option ${name} (known: --minutes, --day, --seed)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    switch (name) {
      case "--minutes": {
        const m = Number(value);
        if (!(m > 0 && m <= 60)) throw new Error(`--minutes must be a number above 0 and at most 60, not ${value}`);
        options.minutes = m;
        break;
      }
      case "--day":
        if (!DAYS.includes(value)) throw new Error(`--day must be one of ${DAYS.join(", ")}, not ${value}`);
        options.day = value;
        break;
      case "--seed": {
        const s = Number(value);
        if (!Number.isInteger(s) || s < 0) throw new Error(`--seed must be a whole number, not ${value}`);
        options.seed = s;
        break;
      }
    }
  }
  return options;
}
