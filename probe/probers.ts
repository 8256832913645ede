/** The default `ProbeFn`: dispatches on the endpoint's engine to the pg or mysql2 probe. */
import { mysqlProber } from "./mysql-prober";
import { postgresProber } from "./postgres-prober";
import { ProbeFn } from "./types";

const postgres = postgresProber();
const mysql = mysqlProber();

/** Probes one endpoint with the client library of its engine. */
export const probeEndpoint: ProbeFn = (endpoint, timeoutMs) =>
    endpoint.engine === "mysql" ? mysql(endpoint, timeoutMs) : postgres(endpoint, timeoutMs);
