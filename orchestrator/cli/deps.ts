import { rdsClients } from "../../aws/clients";
import { AwsIdentity } from "../../cli-contract";
import { identityClients } from "../../aws/identity";
import { RandomSource } from "../../aws/retry";
import { ExecuteHooks } from "../execute/types";
import { LeaseSettings } from "../lease/acquire";
import { Clock, RdsClientFactory, systemClock } from "../../aws/ports";
import type { StackDriverFactory } from "./fleet/stacks";

/** What `main` runs with; everything has a real default, tests inject the simulator's. */
export interface CliDeps {
    /**
     * RDS client per region, whatever the identity flags say (tests inject the simulator's).
     * Default: real clients acting as the identity flags' identity ({@link identityClients}).
     */
    readonly clients?: RdsClientFactory;
    readonly clock?: Clock;
    readonly random?: RandomSource;
    /** Where plans, status and summaries go. Default process.stdout. */
    readonly stdout?: (text: string) => void;
    /** Where progress lines and errors go. Default process.stderr. */
    readonly stderr?: (text: string) => void;
    /** Environment for AWS_REGION. Default process.env. */
    readonly env?: Readonly<Record<string, string | undefined>>;
    /** Aborting stops the run at its next call or wait (a kill, in tests). */
    readonly signal?: AbortSignal;
    readonly hooks?: ExecuteHooks;
    /** Who holds the run lease and the run's id (tests fix them); default: this process, a random id. */
    readonly lease?: LeaseSettings;
    /** How `fleet run` drives Pulumi stacks (tests inject a fake); default: the Automation API. */
    readonly stacks?: StackDriverFactory;
}

/**
 * Real RDS clients, one attempt each (retries are ours, on the injected clock), with request
 * timeouts (aws/clients.ts), the SDK's default credential chain (no identity flags). The endpoint
 * is left to the SDK, which reads AWS_ENDPOINT_URL_RDS / AWS_ENDPOINT_URL.
 */
export const realClients: RdsClientFactory = rdsClients();

export interface ResolvedDeps {
    readonly clients: RdsClientFactory;
    /** The clients of one command, acting as its identity flags' identity. */
    readonly clientsFor: (identity: AwsIdentity) => RdsClientFactory;
    readonly clock: Clock;
    readonly random: RandomSource;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly signal?: AbortSignal;
    readonly hooks: ExecuteHooks;
    readonly lease?: LeaseSettings;
    readonly stacks?: StackDriverFactory;
}

export function resolveDeps(deps: CliDeps = {}): ResolvedDeps {
    return {
        clients: deps.clients ?? realClients,
        clientsFor: (identity) => deps.clients ?? identityClients(identity),
        clock: deps.clock ?? systemClock,
        random: deps.random ?? Math.random,
        stdout: deps.stdout ?? ((t) => void process.stdout.write(t)),
        stderr: deps.stderr ?? ((t) => void process.stderr.write(t)),
        env: deps.env ?? process.env,
        ...(deps.signal ? { signal: deps.signal } : {}),
        hooks: deps.hooks ?? {},
        ...(deps.lease ? { lease: deps.lease } : {}),
        ...(deps.stacks ? { stacks: deps.stacks } : {}),
    };
}
