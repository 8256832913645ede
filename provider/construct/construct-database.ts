import * as pulumi from "@pulumi/pulumi";
import { AuroraGlobalDatabase, AuroraGlobalDatabaseArgs, UpgradeArgs } from "../../components";
import { Engine, OldClusters, OptInType, Strategy } from "../../vocabulary";
import type { AuroraGlobalDatabaseInputs, UpgradeInputs } from "../args";
import type { ConstructDatabase, DatabaseOutputs } from "../construct-types";

/*
 * The TypeScript component behind the provider's: required lazily by ../aurora-global-database.ts
 * and outside the schema's tsconfig (`include: ["*.ts"]`), so schema inference never parses the
 * component's imports. The provider stands on the component; the component never imports the provider.
 */

/** The `applyPendingPatches` word of other languages that means "leave pending patches alone" (`false` here). */
export const NO_PATCHES = "none";

/**
 * The component's arguments from the provider's (provider/args.ts): `applyPendingPatches: "none"`
 * becomes `false`; everything else passes unchanged (the words engine, strategy and oldClusters
 * as strings), so the component's own validation (validateArgs) names any bad value with its
 * field and the values it accepts.
 */
export function toComponentArgs(inputs: AuroraGlobalDatabaseInputs): AuroraGlobalDatabaseArgs {
    const { upgrade, ...rest } = inputs;
    return {
        ...rest,
        engine: inputs.engine as Engine,
        ...(upgrade !== undefined ? { upgrade: toUpgradeArgs(upgrade) } : {}),
    };
}

function toUpgradeArgs(upgrade: UpgradeInputs): UpgradeArgs {
    const { strategy, applyPendingPatches, oldClusters, ...rest } = upgrade;
    return {
        ...rest,
        ...(strategy !== undefined ? { strategy: strategy as Strategy } : {}),
        ...(oldClusters !== undefined ? { oldClusters: oldClusters as OldClusters } : {}),
        ...(applyPendingPatches !== undefined
            ? { applyPendingPatches: applyPendingPatches === NO_PATCHES ? false : (applyPendingPatches as OptInType) }
            : {}),
    };
}

/**
 * The AuroraGlobalDatabase of the component package (provider/): named like its parent, with
 * plain-data outputs (JSON strings for the plan and the member versions).
 */
export const constructDatabase: ConstructDatabase = (name, inputs, parent): DatabaseOutputs => {
    const db = new AuroraGlobalDatabase(name, toComponentArgs(inputs), { parent });
    return {
        globalClusterIdentifier: pulumi.output(db.globalClusterIdentifier),
        globalClusterArn: db.globalCluster.arn,
        primaryClusterArn: db.primary.arn,
        masterUsername: pulumi.output(db.masterUsername),
        plan: db.plan.apply((p) => JSON.stringify(p)),
        planBlocked: db.plan.apply((p) => p.blocked),
        memberVersions: db.memberVersions.apply((v) => JSON.stringify(v)),
        failoverReady: db.failoverReady,
        upgradeStepsRecord: db.upgradeStepsRecord,
    };
};
