export * from "./faults";
export * from "./generated-world";
export * from "./model";
export * from "./server";
export * from "./world-source";
export * from "./recording-clock";
export * from "./sources";
export * from "./fixture";
