/**
 * Every tag key aurora-global writes or reads, defined once. AWS's Tag data type (API_Tag): keys
 * 1-128 characters, not starting with `aws:` or `rds:`; every key here carries the project's
 * `aurora-global:` namespace so it never collides with a user's tag.
 */
/** Tags on resources aurora-global creates or retires. */
export const TAGS = {
    /** On every member cluster: `primary` or `secondary`. The policy pack reads it when it cannot infer the role. */
    role: "aurora-global:role",
    /** On the global cluster (and a blue/green deployment): the global cluster identifier. */
    globalCluster: "aurora-global:global-cluster",
    /** On a blue/green deployment: the engine version it upgrades to. */
    targetVersion: "aurora-global:target-version",
    /** On a retired blue cluster: the blue/green deployment that retired it. */
    retiredBy: "aurora-global:retired-by-blue-green",
    /** On a retired blue cluster: the identifier it had before the switchover. */
    retiredFrom: "aurora-global:retired-from",
    /** On a retired blue cluster: when it was retired. */
    retiredAt: "aurora-global:retired-at",
    /** On a plain `aws.rds.GlobalCluster`: `"true"`, the program opts in to a major version upgrade. */
    allowMajorVersionUpgrade: "aurora-global:allow-major-version-upgrade",
    /** On a plain `aws.rds.GlobalCluster`: `"true"`, the operator confirms the Aurora MySQL 2 → 3 in-place conditions. */
    mysqlInPlaceMajorConfirmed: "aurora-global:mysql-in-place-major-confirmed",
} as const;

/** Tag key prefixes: the key goes on with one name per tag. */
export const TAG_PREFIXES = {
    /** `aurora-global:lease:<run id>` on the global cluster: one run's lease (orchestrator/lease/). */
    lease: "aurora-global:lease:",
    /** `aurora-global:for:<cluster>` on a target-family parameter group prepared for that member. */
    groupFor: "aurora-global:for:",
} as const;
