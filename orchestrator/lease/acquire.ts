import { RUN_FLAGS } from "../../cli-contract";
import * as crypto from "crypto";
import * as os from "os";
import { describeAwsError } from "../../aws/errors";
import { MissingCredentials, UpgradeStopped } from "../../aws/run-errors";
import { RdsGateway } from "../../aws/gateway";
import { Topology } from "../../aws/topology/types";
import { defaultHolder } from "./lease-tag";
import { LeaseHeld, RunLease } from "./run-lease";

/** Who runs, and how long to wait for another run; everything has a default. */
export interface LeaseSettings {
    readonly waitSeconds?: number;
    /** Default: the CI job, else `user@host pid N` (lease-tag.ts). */
    readonly holder?: string;
    /** Default: random. */
    readonly runId?: string;
    /**
     * Runs of one group share the lease: the steps of one Pulumi update, which the component
     * starts in parallel, pass the update's id (`--lease-group`). Default: alone.
     */
    readonly group?: string;
    /** `--no-lease`: the explicit opt-out (an endpoint that cannot tag a global cluster, e.g. an emulator). */
    readonly noLease?: boolean;
    /** This host's name and its process check (tests; defaults: os.hostname(), signal 0). */
    readonly host?: string;
    readonly processAlive?: (pid: number) => boolean;
}

/** The run lease could not be taken: the run changes nothing and stops (exit 1), naming the cause. */
export class LeaseUnavailable extends UpgradeStopped {
    constructor(globalClusterId: string, cause: unknown) {
        super(
            `the run lease could not be taken on global cluster "${globalClusterId}" (${describeAwsError(cause)}): nothing was changed. ` +
                `Fix the cause (the run needs rds:ListTagsForResource, rds:AddTagsToResource and rds:RemoveTagsFromResource on the global cluster), then run the same command again; ` +
                `only where a global cluster cannot be tagged at all (an emulator), pass ${RUN_FLAGS.noLease} and make sure no other run changes this database`,
        );
        this.name = "LeaseUnavailable";
    }
}

/**
 * The global cluster's ARN: DescribeGlobalClusters' GlobalClusterArn when the topology has it,
 * else built from a member's ARN (same partition and account): `arn:PARTITION:rds::ACCOUNT:global-cluster:ID`.
 */
export function globalClusterArn(topology: Pick<Topology, "globalClusterId" | "members"> & { arn?: string }): string {
    if (topology.arn) return topology.arn;
    const m = /^arn:([^:]+):rds:[^:]*:(\d+):/.exec(topology.members[0]?.arn ?? "");
    return `arn:${m?.[1] ?? "aws"}:rds::${m?.[2] ?? "*"}:global-cluster:${topology.globalClusterId}`;
}

/**
 * Takes the run lease of `topology`'s global cluster (see run-lease.ts); the caller releases it.
 * Fails closed: another run's lease stops the run (LeaseHeld, exit 2), and so does any error
 * taking it (LeaseUnavailable, exit 1); only `--no-lease` runs without one, said in the log.
 */
export async function acquireRunLease(
    api: RdsGateway,
    topology: Topology,
    settings: LeaseSettings,
    env: Readonly<Record<string, string | undefined>>,
): Promise<{ lease: RunLease | undefined; waited: boolean }> {
    if (settings.noLease) {
        api.log.warn(
            `${RUN_FLAGS.noLease}: running without the run lease on global cluster "${topology.globalClusterId}": nothing keeps another run from changing it at the same time`,
        );
        return { lease: undefined, waited: false };
    }
    const lease = new RunLease(api, topology.homeRegion, globalClusterArn(topology), topology.globalClusterId, {
        runId: settings.runId ?? `${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`,
        holder: settings.holder ?? defaultHolder(env, process.pid, safeUser(), os.hostname()),
        ...(settings.group ? { group: settings.group } : {}),
        ...(settings.host ? { host: settings.host } : {}),
        ...(settings.processAlive ? { processAlive: settings.processAlive } : {}),
        waitSeconds: settings.waitSeconds ?? 0,
    });
    try {
        const { waited } = await lease.acquire();
        return { lease, waited };
    } catch (e) {
        // Another run's lease, the run's own stop (deadline, interrupt) and missing credentials say so themselves.
        if (
            e instanceof LeaseHeld ||
            e instanceof UpgradeStopped ||
            e instanceof MissingCredentials ||
            api.signal?.aborted
        )
            throw e;
        throw new LeaseUnavailable(topology.globalClusterId, e);
    }
}

function safeUser(): string {
    try {
        return os.userInfo().username;
    } catch {
        return "unknown";
    }
}
