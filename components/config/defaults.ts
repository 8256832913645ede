import { cliCommand } from "../../cli-contract";

/** Defaults, one place. */
export const DEFAULTS = {
    instanceCount: 1,
    instanceClass: "db.r6g.large",
    masterUsername: "dbadmin",
    backupRetentionPeriod: 7,
    /** `node <absolute path of the installed package>/bin/aurora-global.js`. */
    cli: cliCommand(),
} as const;
