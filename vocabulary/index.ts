/**
 * The words of aurora-global, defined once: engines, strategies, opt-ins, roles, step actions,
 * limits, the region pattern, tag keys and type tokens. Each is an `as const` tuple with the type derived from it; every
 * other folder imports them from here. No I/O, no dependencies.
 */
export * from "./engines";
export * from "./strategies";
export * from "./opt-ins";
export * from "./roles";
export * from "./step-actions";
export * from "./limits";
export * from "./region";
export * from "./tags";
export * from "./tokens";
export * from "./blue-green";
export * from "./blue-green-replication";
export * from "./component-step";
export * from "./help";
