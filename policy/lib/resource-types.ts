import { RESOURCE_TYPES, TAGS as ALL_TAGS } from "aurora-global/vocabulary";

/** Pulumi type tokens the pack looks at (vocabulary/tokens.ts). */
export const TYPES = RESOURCE_TYPES;

/** Tags the pack reads on a plain `aws.rds.GlobalCluster` and its members (vocabulary/tags.ts). */
export const TAGS = {
    allowMajorVersionUpgrade: ALL_TAGS.allowMajorVersionUpgrade,
    mysqlInPlaceMajorConfirmed: ALL_TAGS.mysqlInPlaceMajorConfirmed,
    role: ALL_TAGS.role,
} as const;
