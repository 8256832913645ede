import * as pulumi from "@pulumi/pulumi";
import { RESOURCE_TYPES } from "../../../vocabulary";

/** What the mock engine needs of a simulated control plane (testbeds/simulator's `SimulatedRds`). */
export interface CreatingControlPlane {
    dispatch(region: string, command: string, input: Record<string, unknown>): Promise<object>;
}

type In = Record<string, unknown>;

/**
 * The RDS create call the AWS provider makes for a new resource (pulumi-aws, bridged from
 * terraform-provider-aws `aws_rds_global_cluster`, `aws_rds_cluster`, `aws_rds_cluster_instance`
 * create functions), or undefined for resources that are not RDS.
 */
export function createCallFor(type: string, i: In): { command: string; input: In } | undefined {
    switch (type) {
        case RESOURCE_TYPES.globalCluster:
            return {
                command: "CreateGlobalCluster",
                input: {
                    GlobalClusterIdentifier: i.globalClusterIdentifier,
                    Engine: i.engine,
                    EngineVersion: i.engineVersion,
                    StorageEncrypted: i.storageEncrypted,
                    DeletionProtection: i.deletionProtection,
                },
            };
        case RESOURCE_TYPES.cluster:
            return {
                command: "CreateDBCluster",
                input: {
                    DBClusterIdentifier: i.clusterIdentifier,
                    GlobalClusterIdentifier: i.globalClusterIdentifier,
                    Engine: i.engine,
                    EngineVersion: i.engineVersion,
                    StorageEncrypted: i.storageEncrypted,
                    KmsKeyId: i.kmsKeyId,
                    DeletionProtection: i.deletionProtection,
                    DBClusterParameterGroupName: i.dbClusterParameterGroupName,
                },
            };
        case RESOURCE_TYPES.clusterInstance:
            return {
                command: "CreateDBInstance",
                input: {
                    DBInstanceIdentifier: i.identifier,
                    DBClusterIdentifier: i.clusterIdentifier,
                    Engine: i.engine,
                    EngineVersion: i.engineVersion,
                    DBInstanceClass: i.instanceClass,
                    DBParameterGroupName: i.dbParameterGroupName,
                },
            };
        default:
            return undefined;
    }
}

/**
 * `pulumi up` of a new RDS resource: its create call goes to the simulated control plane, which
 * applies AWS's create-time rules (testbeds/simulator/commands/create.ts). A resource that exists
 * already (seeded by a scenario: AWS answers `…AlreadyExists…`) is taken as in the stack's state.
 * Returns the refusal as the engine reports it (`type (name): Code: message`), or undefined.
 */
export async function createInControlPlane(
    plane: CreatingControlPlane,
    args: pulumi.runtime.MockResourceArgs,
): Promise<Error | undefined> {
    const call = createCallFor(args.type, args.inputs as In);
    if (!call) return undefined;
    const input = Object.fromEntries(Object.entries(call.input).filter(([, v]) => v !== undefined && v !== ""));
    const region = String((args.inputs as In).region ?? "us-east-1");
    try {
        await plane.dispatch(region, call.command, input);
        return undefined;
    } catch (e) {
        const err = e as Error;
        if (/AlreadyExists/.test(err.name)) return undefined;
        return new Error(`${args.type} (${args.name}): creating: ${err.name}: ${err.message}`);
    }
}
