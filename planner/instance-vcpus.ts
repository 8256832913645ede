/**
 * vCPUs of the Aurora DB instance classes, by size: the one place the Extended Support charge
 * reads them. Source: Aurora User Guide, "Hardware specifications for DB instance classes for
 * Aurora" (Concepts.DBInstanceClass.Summary): in the memory-optimized (db.r5, db.r6g, db.r6i,
 * db.r7g, db.r7i, db.r8g, db.x2g) and burstable (db.t3, db.t4g) classes a `large` has 2 vCPUs, an
 * `xlarge` 4, and an `Nxlarge` 4 × N; a burstable `medium` has 2. `db.serverless` is billed per
 * ACU, not per vCPU: unknown here.
 */
export const VCPUS_BY_SIZE: Readonly<Record<string, number>> = {
    medium: 2,
    large: 2,
    xlarge: 4,
    "2xlarge": 8,
    "4xlarge": 16,
    "8xlarge": 32,
    "12xlarge": 48,
    "16xlarge": 64,
    "24xlarge": 96,
    "32xlarge": 128,
    "48xlarge": 192,
};

const FAMILIES = /^db\.(r5|r6g|r6gd|r6i|r6id|r7g|r7i|r8g|x2g|x2iedn|t3|t4g)\.([0-9a-z]+)$/;

/** The vCPUs of one instance class, or undefined when the table does not know it (e.g. `db.serverless`). */
export function vcpusOf(instanceClass: string): number | undefined {
    const m = FAMILIES.exec(instanceClass);
    return m ? VCPUS_BY_SIZE[m[2]] : undefined;
}
