import { Strategy } from "../planner";

/** Defaults, one place. */
export const DEFAULTS = {
    instanceCount: 1,
    instanceClass: "db.r6g.large",
    masterUsername: "dbadmin",
    backupRetentionPeriod: 7,
    strategy: "auto" as Strategy,
    cli: "node bin/aurora-global.js",
} as const;
