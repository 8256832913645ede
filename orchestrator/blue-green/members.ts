import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { idFromArn, regionFromArn, resourceTypeFromArn } from "../../aws/arn";

/**
 * What a blue/green deployment's `SwitchoverDetails` lists: one SourceMember/TargetMember pair per
 * cluster, per DB instance and per custom endpoint, each by ARN (aws-cli
 * `awscli/examples/rds/describe-blue-green-deployments.rst`, Aurora examples 2 and 3:
 * `...:cluster:my-aurora-mysql-cluster`, `...:db:my-aurora-mysql-cluster-1`,
 * `...:cluster-endpoint:my-reader-endpoint`; after the switchover the sources end in `-old1`).
 * Every reader of the details classifies members by the ARN's resource type here, never by
 * assuming a cluster.
 */
export type MemberKind = "cluster" | "db" | "cluster-endpoint" | "other";

/** One side of a detail: the resource's ARN, identifier and region. */
export interface MemberRef {
    readonly arn: string;
    readonly id: string;
    readonly region: string;
}

/** One SwitchoverDetail, classified. */
export interface SwitchoverMember {
    readonly kind: MemberKind;
    readonly source?: MemberRef;
    readonly target?: MemberRef;
    readonly status?: string;
}

/**
 * Detail statuses that say a side is gone (SDK model `SwitchoverDetail`: "MISSING_SOURCE - The
 * source resource has been deleted", "MISSING_TARGET - The target resource has been deleted").
 */
export const MISSING_SOURCE = "MISSING_SOURCE";
export const MISSING_TARGET = "MISSING_TARGET";

/** What kind of resource `SwitchoverDetails` names, from its ARN's resource type. */
export function memberKind(arn: string | undefined): MemberKind {
    const type = arn ? resourceTypeFromArn(arn) : undefined;
    return type === "cluster" || type === "db" || type === "cluster-endpoint" ? type : "other";
}

function ref(arn: string | undefined): MemberRef | undefined {
    const region = arn ? regionFromArn(arn) : undefined;
    return arn && region ? { arn, id: idFromArn(arn), region } : undefined;
}

/** Every detail of the deployment, classified by resource type. */
export function switchoverMembers(d: BlueGreenDeployment): SwitchoverMember[] {
    return (d.SwitchoverDetails ?? []).map((x) => ({
        kind: memberKind(x.SourceMember ?? x.TargetMember),
        source: ref(x.SourceMember),
        target: ref(x.TargetMember),
        status: x.Status,
    }));
}

/** The details of one resource type (`cluster`: the blue/green clusters, one per region). */
export function membersOfKind(d: BlueGreenDeployment, kind: MemberKind): SwitchoverMember[] {
    return switchoverMembers(d).filter((m) => m.kind === kind);
}

/** True when AWS reports that side of the detail deleted. */
export function sourceMissing(m: SwitchoverMember): boolean {
    return m.status === MISSING_SOURCE || m.source === undefined;
}

export function targetMissing(m: SwitchoverMember): boolean {
    return m.status === MISSING_TARGET || m.target === undefined;
}
