import * as pulumi from "@pulumi/pulumi";
import { AuroraGlobalDatabaseInputs } from "./args";

/** What the provider's component re-exposes of the TypeScript component. */
export interface DatabaseOutputs {
    readonly globalClusterIdentifier: pulumi.Output<string>;
    readonly globalClusterArn: pulumi.Output<string>;
    readonly primaryClusterArn: pulumi.Output<string>;
    readonly masterUsername: pulumi.Output<string>;
    readonly plan: pulumi.Output<string>;
    readonly planBlocked: pulumi.Output<boolean>;
    readonly memberVersions: pulumi.Output<string>;
    readonly failoverReady: pulumi.Output<boolean>;
    readonly upgradeStepsRecord: pulumi.Output<unknown>;
}

/** Builds the TypeScript component as a child of `parent` and returns its outputs. */
export type ConstructDatabase = (
    name: string,
    inputs: AuroraGlobalDatabaseInputs,
    parent: pulumi.ComponentResource,
) => DatabaseOutputs;
