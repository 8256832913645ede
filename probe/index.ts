/** `aurora-global watch`: the version/outage probe library, its renderers and the CLI command. */
export { watchCommand, type WatchCommandIo } from "./command";
export {
    parseEndpoint,
    parseEndpoints,
    parseWatchOptions,
    type RawWatchOptions,
    type WatchFormat,
    WatchInputError,
    type WatchRequest,
} from "./inputs";
export { mysqlProber, readMysqlVersion, type MysqlConnect, type MysqlConnectionLike } from "./mysql-prober";
export { postgresProber, readPostgresVersion, type PgClientFactory, type PgClientLike } from "./postgres-prober";
export { probeEndpoint } from "./probers";
export { redactSecrets, redactUrl } from "./redact";
export { formatEvent, renderJson, renderSummaryText, renderText } from "./render";
export { EndpointRecorder } from "./timeline";
export * from "./types";
export { DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS, watch, type WatchDeps, type WatchOptions } from "./watch";
