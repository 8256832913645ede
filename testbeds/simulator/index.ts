/**
 * The simulated RDS control plane and its virtual clock: real `RDSClient`s whose calls are
 * answered in-process with AWS's rules, codes and texts, and time that moves only virtually.
 */
export { VirtualClock, DEFAULT_EPOCH } from "./virtual-clock";
export type { VirtualClockOptions } from "./virtual-clock";
export { createSimulatedRds } from "./simulated-rds";
export type { SimulatedRds, SimulatedRdsOptions } from "./simulated-rds";
export type { SeedTopology, SeedMember, SeedParameterGroup, SeedPendingAction, SeedProxy } from "./topology";
export { ACCOUNT_ID, clusterArn, globalClusterArn, regionOfArn } from "./topology";
export { defaultCatalogue, EngineCatalogue } from "./catalogue";
export type { CatalogueEntry } from "./catalogue";
export { messages, rdsError } from "./aws-errors";
export { Faults } from "./faults";
export type { InjectedError } from "./faults";
export { AWS_RDS_RATE_LIMIT } from "./rate-limiter";
export type { RateLimit } from "./rate-limiter";
export type { CallRecord, SimEvent, SimEventKind } from "./recorder";
export type { ClusterView, GlobalClusterView } from "./views";
export type { ClusterStatus } from "./model";
export { HANDLERS } from "./commands";
export { blueGreenSupported } from "./blue-green";
export { DEFAULT_BLUE_GREEN } from "./blue-green-settings";
export type { BlueGreenSettings } from "./blue-green-settings";
export type { BlueGreenStatus } from "./model";
export { blueGreenReady } from "./blue-green-ready";
