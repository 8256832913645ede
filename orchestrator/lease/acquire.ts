import * as crypto from "crypto";
import * as os from "os";
import { describeAwsError, errorCode } from "../../aws/errors";
import { RdsGateway } from "../../aws/gateway";
import { Topology } from "../../aws/topology/types";
import { defaultHolder } from "./lease-tag";
import { RunLease } from "./run-lease";

/** Who runs, and how long to wait for another run; everything has a default. */
export interface LeaseSettings {
    readonly waitSeconds?: number;
    /** Default: the CI job, else `user@host pid N` (lease-tag.ts). */
    readonly holder?: string;
    /** Default: random. */
    readonly runId?: string;
    /** Runs of one group share the lease. Default: alone. */
    readonly group?: string;
}

/** The group of the runs one Pulumi update starts in parallel (`--only-member` / `--only-snapshot` steps). */
export const PULUMI_STEPS_GROUP = "pulumi-steps";

/**
 * The global cluster's ARN: DescribeGlobalClusters' GlobalClusterArn when the topology has it,
 * else built from a member's ARN (same partition and account): `arn:PARTITION:rds::ACCOUNT:global-cluster:ID`.
 */
export function globalClusterArn(topology: Pick<Topology, "globalClusterId" | "members"> & { arn?: string }): string {
    if (topology.arn) return topology.arn;
    const m = /^arn:([^:]+):rds:[^:]*:(\d+):/.exec(topology.members[0]?.arn ?? "");
    return `arn:${m?.[1] ?? "aws"}:rds::${m?.[2] ?? "*"}:global-cluster:${topology.globalClusterId}`;
}

/** Takes the run lease of `topology`'s global cluster (see run-lease.ts); the caller releases it. */
export async function acquireRunLease(
    api: RdsGateway,
    topology: Topology,
    settings: LeaseSettings,
    env: Readonly<Record<string, string | undefined>>,
): Promise<{ lease: RunLease | undefined; waited: boolean }> {
    const lease = new RunLease(api, topology.homeRegion, globalClusterArn(topology), topology.globalClusterId, {
        runId: settings.runId ?? `${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`,
        holder: settings.holder ?? defaultHolder(env, process.pid, safeUser(), os.hostname()),
        ...(settings.group ? { group: settings.group } : {}),
        waitSeconds: settings.waitSeconds ?? 0,
    });
    try {
        const { waited } = await lease.acquire();
        return { lease, waited };
    } catch (e) {
        // An endpoint that cannot tag a global cluster (an emulator: AWS can, see the simulator's
        // tags.ts) refuses the ARN as a parameter; anything else (AccessDenied, a held lease) stops.
        if (errorCode(e) !== "InvalidParameterValue") throw e;
        api.log.warn(
            `the run lease could not be taken on global cluster "${topology.globalClusterId}" (${describeAwsError(e)}): running without it; make sure no other run changes this global database now`,
        );
        return { lease: undefined, waited: false };
    }
}

function safeUser(): string {
    try {
        return os.userInfo().username;
    } catch {
        return "unknown";
    }
}
