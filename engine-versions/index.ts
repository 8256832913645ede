/** The version model: parse, compare and classify Aurora engine versions. No I/O. */
export * from "./engine";
export * from "./parse";
export * from "./compare";
export * from "./classify";
export * from "./community-mysql";
export * from "./failover-compatibility";
export * from "./target";
