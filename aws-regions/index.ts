import { partition } from "@aws-sdk/core/client";
import { isRegion } from "../vocabulary";

/**
 * The AWS regions as the AWS SDK knows them: `partition(region)` of `@aws-sdk/core/client`
 * (`@aws-sdk/util-endpoints/lib/aws/partition.ts`) answers from the SDK's bundled `partitions.json`
 * (`@aws-sdk/util-endpoints/lib/aws/partitions.ts`, one entry per partition: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso*`,
 * `aws-eusc`, each with its `regions` and a `regionRegex`). For a region it lists, the answer
 * carries the region's `description` ("US East (N. Virginia)"); for any other string it falls
 * back to a partition's defaults without one. Updating `@aws-sdk/core` brings new regions.
 */
export interface KnownRegion {
    /** `aws`, `aws-cn`, `aws-us-gov`, ... */
    readonly partition: string;
    /** `US East (N. Virginia)`. */
    readonly description: string;
}

/** The partition and name of `region` when it is a region code the SDK lists; undefined otherwise. */
export function knownRegion(region: unknown): KnownRegion | undefined {
    // `isRegion` first: the partition data also lists pseudo-regions such as `aws-global`.
    if (!isRegion(region)) return undefined;
    const p = partition(region) as { name: string; description?: string };
    return p.description === undefined ? undefined : { partition: p.name, description: p.description };
}

/**
 * Why `value` is not a usable AWS region, or undefined when it is one. `what` names it in the
 * message (`primary.region "mars"`, `--region "mars"`).
 */
export function regionProblem(what: string, value: unknown): string | undefined {
    if (!isRegion(value)) return `${what} is not an AWS region: use a region code such as "us-east-1"`;
    if (knownRegion(value) === undefined)
        return `${what} is not a region of any AWS partition (the AWS SDK's partition data lists no such region): check the spelling, e.g. "us-east-1", or update @aws-sdk/core if the region is new`;
    return undefined;
}
