import { Engine } from "../../engine-versions";

/**
 * The instance classes DescribeOrderableDBInstanceOptions lists for Aurora (the simulator's own
 * table; AWS: `aws rds describe-orderable-db-instance-options --engine aurora-postgresql`; the
 * Aurora user guide's "Supported DB engines for DB instance classes"): the memory-optimized db.r
 * and db.x2g families, the burstable db.t3/db.t4g medium and large (db.t3.small for Aurora MySQL
 * too), and db.serverless. Classes of RDS for PostgreSQL/MySQL only (db.t3.micro, db.m5.large)
 * are not Aurora classes.
 */
const MEMORY_FAMILIES = ["r5", "r6g", "r6gd", "r6i", "r6id", "r7g", "r7i", "r8g", "r8gd", "x2g"];
const MEMORY_SIZES = [
    "large",
    "xlarge",
    "2xlarge",
    "4xlarge",
    "8xlarge",
    "12xlarge",
    "16xlarge",
    "24xlarge",
    "32xlarge",
    "48xlarge",
];
const BURSTABLE: Readonly<Record<Engine, readonly string[]>> = {
    "aurora-postgresql": ["db.t3.medium", "db.t3.large", "db.t4g.medium", "db.t4g.large"],
    "aurora-mysql": ["db.t3.small", "db.t3.medium", "db.t3.large", "db.t4g.medium", "db.t4g.large"],
};

export function orderableClass(engine: Engine, instanceClass: string): boolean {
    if (instanceClass === "db.serverless" || BURSTABLE[engine].includes(instanceClass)) return true;
    const m = /^db\.([a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceClass);
    return m !== null && MEMORY_FAMILIES.includes(m[1]) && MEMORY_SIZES.includes(m[2]);
}
