import { cliCommand } from "../../cli-contract";
import { Strategy } from "../../planner";

/** Defaults, one place. */
export const DEFAULTS = {
    instanceCount: 1,
    instanceClass: "db.r6g.large",
    masterUsername: "dbadmin",
    backupRetentionPeriod: 7,
    strategy: "auto" as Strategy,
    /** `node <absolute path of the installed package>/bin/aurora-global.js`. */
    cli: cliCommand(),
} as const;
