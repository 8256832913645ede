import { DBCluster, DescribeDBClustersCommand, DescribeDBClustersCommandOutput, RDSClient } from "@aws-sdk/client-rds";
import { Clock, RdsClientFactory } from "../../../aws/ports";
import { DENSE_POLL_MS } from "../../execute/poll-schedule";
import { RegionPacer } from "./region-pacer";

/**
 * AWS refuses a `db-cluster-id` filter of more than 100 distinct values ("InvalidParameterCombination:
 * Only up to 100 unique filter DB Cluster Identifiers may be specified per filter.", cloud-custodian
 * pull request #10133); DescribeDBClusters pages at MaxRecords (20 to 100, default 100).
 */
export const DB_CLUSTER_ID_FILTER_LIMIT = 100;
export const DESCRIBE_MAX_RECORDS = 100;

/**
 * An answer at most this old stands for a new read of a member (the densest poll interval of one
 * upgrade, poll-schedule.ts): each region is described at most once per 3 s for the whole rollout.
 */
export const SHARED_READ_MAX_AGE_MS = DENSE_POLL_MS;

interface RegionBoard {
    /** Member clusters of the databases upgrading now in the region, by identifier. */
    readonly members: Map<string, number>;
    answer?: { readonly at: number; readonly generation: number; readonly clusters: Map<string, DBCluster> };
    inFlight?: { readonly generation: number; readonly read: Promise<Map<string, DBCluster>> };
}

/**
 * One DescribeDBClusters per region per poll for every database of a rollout: the clients it
 * hands out answer a member's `DescribeDBClusters(DBClusterIdentifier)` from one shared read of
 * all registered members of the region (a `db-cluster-id` filter of up to 100 values, paginated),
 * at most {@link SHARED_READ_MAX_AGE_MS} old and never older than the rollout's last change.
 * Every other call goes to AWS as it is. The one-database upgrade runs unchanged on top of it.
 * Every call of the rollout (its planning, its runs, the shared reads) takes its turn from a
 * {@link RegionPacer}, so the rollout stays under its requests-per-second bound in each region.
 */
export class SharedDescribes {
    private readonly boards = new Map<string, RegionBoard>();
    private readonly real = new Map<string, RDSClient>();
    /**
     * Bumped by every change the rollout sends, in any region (ModifyGlobalCluster from the home
     * region changes members everywhere): no answer read before a change is reused after it.
     */
    private generation = 0;
    /** Shared reads sent per region (each page counts). */
    readonly sharedReads: Record<string, number> = {};

    constructor(
        private readonly clients: RdsClientFactory,
        private readonly clock: Clock,
        private readonly maxAgeMs = SHARED_READ_MAX_AGE_MS,
        private readonly pacer: RegionPacer = new RegionPacer(clock),
    ) {}

    /** Members of a database joining the shared reads (while it upgrades). */
    register(members: readonly { readonly region: string; readonly cluster: string }[]): void {
        for (const m of members) {
            const b = this.board(m.region);
            b.members.set(m.cluster, (b.members.get(m.cluster) ?? 0) + 1);
        }
    }

    unregister(members: readonly { readonly region: string; readonly cluster: string }[]): void {
        for (const m of members) {
            const b = this.board(m.region);
            const n = (b.members.get(m.cluster) ?? 0) - 1;
            if (n > 0) b.members.set(m.cluster, n);
            else b.members.delete(m.cluster);
        }
    }

    /** The client factory the databases' runs use. */
    readonly factory: RdsClientFactory = (region) => this.clientFor(region);

    private realClient(region: string): RDSClient {
        let c = this.real.get(region);
        if (!c) this.real.set(region, (c = this.clients(region)));
        return c;
    }

    private board(region: string): RegionBoard {
        let b = this.boards.get(region);
        if (!b) this.boards.set(region, (b = { members: new Map() }));
        return b;
    }

    private clientFor(region: string): RDSClient {
        const real = this.realClient(region);
        const send = async (command: { input: object }, options?: unknown): Promise<unknown> => {
            const id = singleClusterRead(command);
            const board = this.board(region);
            if (id === undefined || !board.members.has(id)) {
                if (!leavesClustersAsTheyAre(command)) this.generation += 1;
                await this.pacer.turn(region);
                return (real.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
            }
            const found = (await this.read(region, board)).get(id);
            if (found) return { DBClusters: [found], $metadata: {} } satisfies DescribeDBClustersCommandOutput;
            await this.pacer.turn(region);
            return (real.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
        };
        return new Proxy(real, { get: (target, key) => (key === "send" ? send : Reflect.get(target, key)) });
    }

    /** The region's shared answer: reused while fresh, joined while in flight, else read anew. */
    private async read(region: string, board: RegionBoard): Promise<Map<string, DBCluster>> {
        const generation = this.generation;
        const answer = board.answer;
        if (answer?.generation === generation && this.clock.now() - answer.at <= this.maxAgeMs) return answer.clusters;
        if (board.inFlight?.generation === generation) return board.inFlight.read;
        const at = this.clock.now();
        const inFlight = { generation, read: this.describeAll(region, [...board.members.keys()]) };
        board.inFlight = inFlight;
        try {
            const clusters = await inFlight.read;
            if (this.generation === generation) board.answer = { at, generation, clusters };
            return clusters;
        } finally {
            if (board.inFlight === inFlight) board.inFlight = undefined;
        }
    }

    /** DescribeDBClusters filtered by `db-cluster-id`, 100 values a call, every page. */
    private async describeAll(region: string, ids: readonly string[]): Promise<Map<string, DBCluster>> {
        const out = new Map<string, DBCluster>();
        for (let i = 0; i < ids.length; i += DB_CLUSTER_ID_FILTER_LIMIT) {
            const chunk = ids.slice(i, i + DB_CLUSTER_ID_FILTER_LIMIT);
            let marker: string | undefined;
            do {
                this.sharedReads[region] = (this.sharedReads[region] ?? 0) + 1;
                await this.pacer.turn(region);
                const page: DescribeDBClustersCommandOutput = await this.realClient(region).send(
                    new DescribeDBClustersCommand({
                        Filters: [{ Name: "db-cluster-id", Values: chunk }],
                        MaxRecords: DESCRIBE_MAX_RECORDS,
                        ...(marker ? { Marker: marker } : {}),
                    }),
                );
                for (const c of page.DBClusters ?? []) if (c.DBClusterIdentifier) out.set(c.DBClusterIdentifier, c);
                marker = page.Marker;
            } while (marker);
        }
        return out;
    }
}

/** The identifier of a plain one-cluster DescribeDBClusters (no filter, no marker), else undefined. */
function singleClusterRead(command: { input: object }): string | undefined {
    if (!(command instanceof DescribeDBClustersCommand)) return undefined;
    const input = command.input;
    const id = input.DBClusterIdentifier;
    if (id === undefined || id.startsWith("arn:") || input.Filters || input.Marker) return undefined;
    return id;
}

/** Reads, and tag changes (the run lease's renewals, the progress tag): none changes what a cluster reports. */
function leavesClustersAsTheyAre(command: { input: object }): boolean {
    const name = command.constructor.name;
    return /^(Describe|List|AddTagsToResource|RemoveTagsFromResource)/.test(name);
}
