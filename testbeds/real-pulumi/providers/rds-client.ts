import { RDSClient } from "@aws-sdk/client-rds";

type In = Record<string, unknown>;

/**
 * RDS clients of the stand-in provider: the SDK's default chain for credentials and endpoint, so
 * `AWS_ENDPOINT_URL` (set by testbeds/real-pulumi/pulumi) points them at the simulated endpoint.
 * The region is the resource's `region` input (pulumi-aws v7), else AWS_REGION, else us-east-1
 * (this Node provider SDK does not pass the provider's `aws:region` config to the plugin).
 */
const clients = new Map<string, RDSClient>();

export function regionOf(inputs: In): string {
    return String(inputs.region ?? process.env.AWS_REGION ?? "us-east-1");
}

export function rdsFor(inputs: In): RDSClient {
    const region = regionOf(inputs);
    let client = clients.get(region);
    if (!client) clients.set(region, (client = new RDSClient({ region, maxAttempts: 3 })));
    return client;
}

/** The input without undefined/empty values (Terraform's `d.GetOk` skips zero values). */
export function defined(input: In): In {
    return Object.fromEntries(
        Object.entries(input).filter(
            ([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0),
        ),
    );
}

/** Pulumi's `tags` map as RDS's `Tags` list. */
export function tagList(tags: unknown): { Key: string; Value: string }[] | undefined {
    if (!tags || typeof tags !== "object") return undefined;
    return Object.entries(tags as Record<string, string>).map(([Key, Value]) => ({ Key, Value: String(Value) }));
}

/** Polls `read` until `done` (Terraform's StateChangeConf, here every 1 s for at most `timeoutMs`). */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (t: T) => boolean, timeoutMs = 600_000) {
    const start = Date.now();
    for (;;) {
        const value = await read();
        if (done(value)) return value;
        if (Date.now() - start > timeoutMs) throw new Error(`timeout while waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 1000));
    }
}

/**
 * terraform-provider-aws's compareActualEngineVersion (internal/service/rds): read sets
 * `engineVersionActual` to the running version and `engineVersion` too, unless the configured one
 * is its prefix (17.4 of 17.4.5). So a refresh after an upgrade outside the provider shows both change.
 */
export function engineVersionFromLive(old: unknown, live: string | undefined): unknown {
    if (!live) return old;
    if (typeof old === "string" && (old === live || live.startsWith(`${old}.`))) return old;
    return live;
}
