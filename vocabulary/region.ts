/**
 * An AWS region code: `us-east-1`, `ap-northeast-1`, `us-gov-west-1`, `us-isob-east-1`,
 * `cn-north-1`. The one region pattern of the component, the CLI and the test beds.
 */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;

export function isRegion(value: unknown): value is string {
    return typeof value === "string" && REGION_PATTERN.test(value);
}
