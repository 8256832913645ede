/** The `aurora-global` CLI. */
export { main } from "./main";
export type { CliDeps } from "./deps";
export { realClients } from "./deps";
export { EXIT } from "./commands";
export * from "./options";
export { renderStatus, failoverReady } from "./status-render";
