// Types of test/bench/city/options.mjs.
export interface CityOptions {
  minutes: number | undefined;
  day: "mon" | "tue" | "wed" | "thu" | "fri" | "sat";
  seed: number;
}
export declare function parseOptions(argv: string[]): CityOptions;
