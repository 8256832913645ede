import * as pulumi from "@pulumi/pulumi";
import { AuroraGlobalDatabaseInputs } from "./args";
import { ConstructDatabase } from "./construct-types";
import { RESOURCE_TYPES } from "../vocabulary/tokens";

/** The resource token of the component, in TypeScript and in the provider's schema. */
export const AURORA_GLOBAL_DATABASE_TYPE = RESOURCE_TYPES.component;

/**
 * The TypeScript component, loaded when a database is constructed rather than imported: schema
 * inference parses every file this folder imports, and the component's imports (@pulumi/aws's
 * types) would make `getSchema()` take most of a minute. provider/construct/construct-database.ts is
 * type-checked against `ConstructDatabase`; test/package/provider.test.ts constructs through it.
 */
function constructDatabase(): ConstructDatabase {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
    return (require("./construct/construct-database") as { constructDatabase: ConstructDatabase }).constructDatabase;
}

/**
 * An Aurora global database whose engine version is one declarative input: changing
 * `engineVersion` plans the upgrade, checks it against the rules and runs it in order
 * (secondaries, then the primary), resumably. It owns the TypeScript AuroraGlobalDatabase
 * component, which owns the global cluster, the regional members and the upgrade steps.
 */
export class AuroraGlobalDatabase extends pulumi.ComponentResource {
    /** The global cluster identifier. */
    public readonly globalClusterIdentifier: pulumi.Output<string>;
    /** The ARN of the global cluster. */
    public readonly globalClusterArn: pulumi.Output<string>;
    /** The ARN of the primary (writer) DB cluster. */
    public readonly primaryClusterArn: pulumi.Output<string>;
    /** The master user name of the primary. The password is never an output. */
    public readonly masterUsername: pulumi.Output<string>;
    /** The upgrade plan as JSON (`path`, `steps[]`, `violations[]`, `blocked`, ...). */
    public readonly plan: pulumi.Output<string>;
    /** True when the plan is blocked by a rule (its `violations` say which and how to fix it). */
    public readonly planBlocked: pulumi.Output<boolean>;
    /** Every member's version by region, as JSON: the live EngineVersion, or the declared one for a new member. */
    public readonly memberVersions: pulumi.Output<string>;
    /** True when every member exists and runs the same version, so cross-region failover is possible. */
    public readonly failoverReady: pulumi.Output<boolean>;
    /**
     * The declared upgrade steps with everything their inputs are built from (secret-free). Export
     * it as the stack output `upgradeSteps`: the next run reads it back to keep completed steps.
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema type pulumi.json#/Any: the record passes through as it is
    public readonly upgradeStepsRecord: pulumi.Output<any>;

    constructor(name: string, args: AuroraGlobalDatabaseInputs, opts?: pulumi.ComponentResourceOptions) {
        super(AURORA_GLOBAL_DATABASE_TYPE, name, {}, opts);
        const db = constructDatabase()(name, args, this);
        this.globalClusterIdentifier = db.globalClusterIdentifier;
        this.globalClusterArn = db.globalClusterArn;
        this.primaryClusterArn = db.primaryClusterArn;
        this.masterUsername = db.masterUsername;
        this.plan = db.plan;
        this.planBlocked = db.planBlocked;
        this.memberVersions = db.memberVersions;
        this.failoverReady = db.failoverReady;
        this.upgradeStepsRecord = db.upgradeStepsRecord;
        this.registerOutputs({ ...db });
    }
}
