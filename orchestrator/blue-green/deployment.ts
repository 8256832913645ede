import {
    BlueGreenDeployment,
    CreateBlueGreenDeploymentCommand,
    CreateBlueGreenDeploymentCommandOutput,
    DescribeBlueGreenDeploymentsCommand,
    DescribeBlueGreenDeploymentsCommandOutput,
} from "@aws-sdk/client-rds";
import { RdsGateway } from "../../aws/gateway";
import { everyPage } from "../../aws/pages";
import { resourceIdentifier } from "../../aws/identifiers";
import { errorCode, isAlreadyExists } from "../../aws/errors";
import { MemberTopology } from "../../aws/topology/types";
import { TAGS } from "../../vocabulary";

/** Tag keys aurora-global puts on its deployments and on the blue clusters it retires. */
export const TAG = {
    globalCluster: TAGS.globalCluster,
    targetVersion: TAGS.targetVersion,
    retiredBy: TAGS.retiredBy,
    retiredFrom: TAGS.retiredFrom,
    retiredAt: TAGS.retiredAt,
} as const;

/**
 * The deployment's name: deterministic, so a re-run finds it (`ag-app-global-to-17-5`). AWS's
 * BlueGreenDeploymentName: 1–60 characters, `[a-zA-Z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*` (API
 * reference, `BlueGreenDeployment`). A long name is cut and keeps a hash of the whole (aws/identifiers.ts).
 */
export function deploymentName(globalClusterId: string, target: string): string {
    return resourceIdentifier("blue-green-deployment", "ag", globalClusterId, "to", target);
}

/**
 * Blue/green deployments of this global database in the writer's region: aurora-global's own (by
 * name) and any whose members are the database's clusters. A read that fails (no permission,
 * throttled) gives none: `plan` and `status` work without it.
 */
export async function deploymentsOf(
    api: RdsGateway,
    globalClusterId: string,
    members: readonly Pick<MemberTopology, "arn" | "role" | "region">[],
): Promise<BlueGreenDeployment[]> {
    const writer = members.find((m) => m.role === "primary") ?? members[0];
    if (!writer) return [];
    const prefix = deploymentName(globalClusterId, "x").slice(0, -1);
    const arns = new Set(members.map((m) => m.arn));
    try {
        const all = await everyPage<DescribeBlueGreenDeploymentsCommandOutput, BlueGreenDeployment>(
            api,
            writer.region,
            (Marker) => new DescribeBlueGreenDeploymentsCommand({ Marker }),
            (page) => page.BlueGreenDeployments,
        );
        return all.filter(
            (d) =>
                (d.BlueGreenDeploymentName ?? "").startsWith(prefix) ||
                (d.SwitchoverDetails ?? []).some(
                    (s) => arns.has(s.SourceMember ?? "") || arns.has(s.TargetMember ?? ""),
                ),
        );
    } catch {
        return [];
    }
}

/** The deployment of this name in the writer's region, if any (DescribeBlueGreenDeployments by name). */
export async function findDeployment(
    api: RdsGateway,
    region: string,
    name: string,
): Promise<BlueGreenDeployment | undefined> {
    const all = await everyPage<DescribeBlueGreenDeploymentsCommandOutput, BlueGreenDeployment>(
        api,
        region,
        (Marker) =>
            new DescribeBlueGreenDeploymentsCommand({
                Filters: [{ Name: "blue-green-deployment-name", Values: [name] }],
                Marker,
            }),
        (page) => page.BlueGreenDeployments,
    );
    return all.find((d) => d.BlueGreenDeploymentName === name);
}

/** The deployment by identifier; undefined once AWS has deleted it. */
export async function readDeployment(
    api: RdsGateway,
    region: string,
    id: string,
): Promise<BlueGreenDeployment | undefined> {
    try {
        const out = await api.send<DescribeBlueGreenDeploymentsCommandOutput>(
            region,
            new DescribeBlueGreenDeploymentsCommand({ BlueGreenDeploymentIdentifier: id }),
        );
        return out.BlueGreenDeployments?.[0];
    } catch (e) {
        if (errorCode(e) === "BlueGreenDeploymentNotFoundFault") return undefined;
        throw e;
    }
}

export interface CreateSpec {
    readonly name: string;
    readonly globalClusterId: string;
    readonly writer: MemberTopology;
    readonly target: string;
    /** Target-family groups (a major upgrade), the user's when given. */
    readonly clusterParameterGroup?: string;
    readonly instanceParameterGroup?: string;
}

/**
 * CreateBlueGreenDeployment from the writer's ARN (AWS: operations on a global database start from
 * the writer's region). A concurrent run that created it first is found, not duplicated.
 */
export async function createDeployment(api: RdsGateway, spec: CreateSpec): Promise<BlueGreenDeployment> {
    try {
        const out = await api.send<CreateBlueGreenDeploymentCommandOutput>(
            spec.writer.region,
            new CreateBlueGreenDeploymentCommand({
                BlueGreenDeploymentName: spec.name,
                Source: spec.writer.arn,
                TargetEngineVersion: spec.target,
                ...(spec.clusterParameterGroup
                    ? { TargetDBClusterParameterGroupName: spec.clusterParameterGroup }
                    : {}),
                ...(spec.instanceParameterGroup ? { TargetDBParameterGroupName: spec.instanceParameterGroup } : {}),
                Tags: [
                    { Key: TAG.globalCluster, Value: spec.globalClusterId },
                    { Key: TAG.targetVersion, Value: spec.target },
                ],
            }),
        );
        if (out.BlueGreenDeployment) return out.BlueGreenDeployment;
    } catch (e) {
        if (!isAlreadyExists(e)) throw e;
    }
    const found = await findDeployment(api, spec.writer.region, spec.name);
    if (!found)
        throw new Error(
            `blue/green deployment "${spec.name}" was created but DescribeBlueGreenDeployments does not list it`,
        );
    return found;
}
