import { Engine } from "../../engine-versions";

/**
 * The DB instance classes an Aurora global database member may use, by engine. Two AWS facts:
 * - "An Aurora global database requires DB instance classes that are optimized for
 *   memory-intensive applications" (Aurora user guide, "Configuration requirements of an Amazon
 *   Aurora global database"): the memory-optimized db.r and db.x families, and db.serverless
 *   (Serverless v2 members are supported there). Burstable db.t classes are not.
 * - Aurora's classes per engine ("Supported DB engines for DB instance classes", Aurora user
 *   guide): db.r5, db.r6g, db.r6gd, db.r6i, db.r6id, db.r7g, db.r7i, db.r8g, db.r8gd, db.x2g for
 *   both engines. AWS's own source for a region and version is DescribeOrderableDBInstanceOptions
 *   (`aws rds describe-orderable-db-instance-options --engine aurora-postgresql`), which the
 *   simulator models (testbeds/simulator/orderable-classes.ts); CreateDBInstance refuses the rest
 *   with InvalidParameterCombination "RDS does not support creating a DB instance with the
 *   following combination: DBInstanceClass=…, Engine=…".
 */
export const GLOBAL_DATABASE_CLASS_FAMILIES: Readonly<Record<Engine, readonly string[]>> = {
    "aurora-postgresql": ["r5", "r6g", "r6gd", "r6i", "r6id", "r7g", "r7i", "r8g", "r8gd", "x2g"],
    "aurora-mysql": ["r5", "r6g", "r6gd", "r6i", "r6id", "r7g", "r7i", "r8g", "r8gd", "x2g"],
};

/** The sizes of those families (db.r8g goes up to 48xlarge); `db.serverless` has none. */
const SIZE = /^(large|xlarge|(2|4|8|12|16|24|32|48)xlarge)$/;

/** True when `instanceClass` is one a member of an `engine` global database may use. */
export function globalDatabaseClass(engine: Engine, instanceClass: string): boolean {
    if (instanceClass === "db.serverless") return true;
    const m = /^db\.([a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceClass);
    return m !== null && GLOBAL_DATABASE_CLASS_FAMILIES[engine].includes(m[1]) && SIZE.test(m[2]);
}
