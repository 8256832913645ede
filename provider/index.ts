/**
 * The Pulumi component package (provider/PulumiPlugin.yaml; `pulumi package add <repo>/provider`): the components other
 * languages use after `pulumi package add`. The plugin host loads this folder's package.json
 * main (this file), serves every ComponentResource exported here and infers their schema from
 * this folder's tsconfig.json.
 */
export { AuroraGlobalDatabase, AURORA_GLOBAL_DATABASE_TYPE } from "./aurora-global-database";
export { AuroraGlobalDatabaseInputs, MemberInputs, UpgradeInputs, IdentityInputs } from "./args";
export { DatabaseOutputs, ConstructDatabase } from "./construct-types";
