/** The region of an RDS ARN (`arn:aws:rds:us-east-1:123:cluster:x` → `us-east-1`), or undefined. */
export function regionFromArn(arn: string): string | undefined {
    const m = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):[^:]*:/.exec(arn);
    return m ? m[1] : undefined;
}

/** The resource identifier at the end of an ARN (`…:cluster:app-use1` → `app-use1`), or the value itself. */
export function idFromArn(value: string): string {
    return value.startsWith("arn:") ? value.slice(value.lastIndexOf(":") + 1) : value;
}

/**
 * The resource type of an RDS ARN (`arn:aws:rds:REGION:ACCOUNT:TYPE:ID`): `cluster`, `db` (a DB
 * instance), `cluster-endpoint`, `global-cluster`, `cluster-snapshot`, …; undefined for anything else.
 */
export function resourceTypeFromArn(arn: string): string | undefined {
    const m = /^arn:aws[a-z-]*:rds:[a-z0-9-]*:[^:]*:([a-z-]+):[^:]+$/.exec(arn);
    return m ? m[1] : undefined;
}
