export * from "./api.ts";
export * from "./config.ts";
export * from "./errors.ts";
export * from "./lang.ts";
export * from "./live.ts";
