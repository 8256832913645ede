import {
    DBProxyTarget,
    DescribeDBProxiesCommand,
    DescribeDBProxiesCommandOutput,
    DescribeDBProxyTargetsCommand,
    DescribeDBProxyTargetsCommandOutput,
} from "@aws-sdk/client-rds";
import { Engine } from "../../engine-versions";
import { describeAwsError, errorCode } from "../errors";
import { RdsGateway } from "../gateway";
import { InputError } from "../run-errors";

/**
 * RDS Proxy's `EngineFamily` for each engine (DBProxy.EngineFamily: `MYSQL` serves Aurora MySQL,
 * `POSTGRESQL` Aurora PostgreSQL): a proxy of the other family cannot target the cluster, so its
 * targets are not read.
 */
const ENGINE_FAMILY: Readonly<Record<Engine, string>> = {
    "aurora-mysql": "MYSQL",
    "aurora-postgresql": "POSTGRESQL",
};

/** AWS's codes for a call the caller's IAM policy does not allow. */
const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/;

/** DescribeDBProxies / DescribeDBProxyTargets take `MaxRecords` 20–100 (default 100) and page with `Marker`. */
const PAGE = 100;

/**
 * True when `target` (one of DescribeDBProxyTargets' `Targets`) is the Aurora cluster `cluster`
 * or one of its instances: the cluster itself is a `TRACKED_CLUSTER` target whose `RdsResourceId`
 * is the cluster identifier; its instances are `RDS_INSTANCE` targets whose `TrackedClusterId` is
 * the cluster identifier (DBProxyTarget in the RDS API reference; `register-db-proxy-targets
 * --db-cluster-identifiers` answers both kinds).
 */
export function targetsCluster(target: DBProxyTarget, cluster: string): boolean {
    return (
        (target.Type === "TRACKED_CLUSTER" && target.RdsResourceId === cluster) || target.TrackedClusterId === cluster
    );
}

/**
 * The names of the RDS Proxies in `region` that target the Aurora cluster `cluster`:
 * DescribeDBProxies (every page), then DescribeDBProxyTargets (every page) of each proxy of the
 * engine's family. "Global Database does not support RDS Proxy with blue/green deployments"
 * (docs/aws-rules.md §8), so a blue/green run reads this for every member.
 *
 * Not an optional fact (no OPTIONAL_FACT_RETRY, no warning): without it a blue/green run would
 * create a deployment AWS does not support. A denied call stops the run as bad input (exit 2,
 * nothing changed) with the permission to grant; other errors end the run as any failed read.
 * A proxy deleted between the two calls (DBProxyNotFoundFault) targets nothing.
 */
export async function proxiesTargeting(
    api: RdsGateway,
    region: string,
    cluster: string,
    engine: Engine,
): Promise<string[]> {
    const names: string[] = [];
    let marker: string | undefined;
    do {
        const out = await denialIsInput(cluster, region, "DescribeDBProxies", () =>
            api.send<DescribeDBProxiesCommandOutput>(
                region,
                new DescribeDBProxiesCommand({ MaxRecords: PAGE, ...(marker ? { Marker: marker } : {}) }),
            ),
        );
        for (const p of out.DBProxies ?? [])
            if (p.DBProxyName && (p.EngineFamily === undefined || p.EngineFamily === ENGINE_FAMILY[engine]))
                names.push(p.DBProxyName);
        marker = out.Marker;
    } while (marker);
    const targeting: string[] = [];
    for (const name of names) if (await proxyTargets(api, region, name, cluster)) targeting.push(name);
    return targeting;
}

/** True when one of the targets of proxy `name` (every page) is `cluster` or one of its instances. */
async function proxyTargets(api: RdsGateway, region: string, name: string, cluster: string): Promise<boolean> {
    let marker: string | undefined;
    do {
        let out: DescribeDBProxyTargetsCommandOutput;
        try {
            out = await denialIsInput(cluster, region, "DescribeDBProxyTargets", () =>
                api.send<DescribeDBProxyTargetsCommandOutput>(
                    region,
                    new DescribeDBProxyTargetsCommand({
                        DBProxyName: name,
                        MaxRecords: PAGE,
                        ...(marker ? { Marker: marker } : {}),
                    }),
                ),
            );
        } catch (e) {
            if (errorCode(e) === "DBProxyNotFoundFault") return false;
            throw e;
        }
        if ((out.Targets ?? []).some((t) => targetsCluster(t, cluster))) return true;
        marker = out.Marker;
    } while (marker);
    return false;
}

/** Runs `call`; a denied call becomes the {@link InputError} that names the permission to grant. */
async function denialIsInput<O>(
    cluster: string,
    region: string,
    operation: string,
    call: () => Promise<O>,
): Promise<O> {
    try {
        return await call();
    } catch (e) {
        if (DENIED.test(errorCode(e) ?? "")) throw new InputError(proxiesDeniedText(cluster, region, operation, e));
        throw e;
    }
}

/** The message of a denied proxy read: what could not be told, why it matters, and the fix. */
export function proxiesDeniedText(cluster: string, region: string, operation: string, e: unknown): string {
    return (
        `cannot tell whether an RDS Proxy targets cluster "${cluster}" (${region}): ${operation} was denied (${describeAwsError(e)}). ` +
        `AWS does not support RDS Proxy with blue/green deployments of a global database, so the blue/green plan is not made without knowing; nothing was changed. ` +
        `Fix: grant rds:DescribeDBProxies and rds:DescribeDBProxyTargets (aurora-global's IAM policy lists them: the stack output upgradeIamPolicy, iamPolicyDocument()), or use another strategy`
    );
}
