/**
 * Classifying AWS errors: codes first, message fragments second (AURORA-FACTS §4: texts change,
 * codes are stable). Nothing here waits on a particular wording.
 */

/** The AWS error code of an SDK error (`name`, `Code` or `code`), or undefined for a non-AWS error. */
export function errorCode(e: unknown): string | undefined {
    if (typeof e !== "object" || e === null) return undefined;
    const o = e as { name?: unknown; Code?: unknown; code?: unknown };
    for (const candidate of [o.Code, o.code, o.name]) {
        if (typeof candidate === "string" && candidate !== "" && candidate !== "Error") return candidate;
    }
    return undefined;
}

/** The message of any thrown value. */
export function errorMessage(e: unknown): string {
    if (e instanceof Error) return e.message;
    if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string")
        return (e as { message: string }).message;
    return String(e);
}

const THROTTLING = new Set([
    "ThrottlingException",
    "Throttling",
    "ThrottledException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
]);
const TRANSIENT = new Set([
    "InternalFailure",
    "InternalError",
    "InternalServerError",
    "ServiceUnavailable",
    "ServiceUnavailableException",
    "RequestTimeout",
    "RequestTimeoutException",
    "TimeoutError",
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EAI_AGAIN",
]);

function httpStatus(e: unknown): number | undefined {
    const meta = (e as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
    return typeof meta?.httpStatusCode === "number" ? meta.httpStatusCode : undefined;
}

/** True for throttling (by code, HTTP 429, or the "Rate exceeded" text AWS sends). */
export function isThrottling(e: unknown): boolean {
    const code = errorCode(e);
    if (code !== undefined && THROTTLING.has(code)) return true;
    if (httpStatus(e) === 429) return true;
    return /rate exceeded|throttl/i.test(errorMessage(e));
}

/** True for errors worth retrying: throttling, 5xx/server faults, timeouts and dropped connections. */
export function isRetryable(e: unknown): boolean {
    if (isThrottling(e)) return true;
    const code = errorCode(e);
    if (code !== undefined && TRANSIENT.has(code)) return true;
    const status = httpStatus(e);
    if (status !== undefined && status >= 500) return true;
    if ((e as { $fault?: unknown } | null)?.$fault === "server") return true;
    const sysCode = (e as { code?: unknown } | null)?.code;
    return typeof sysCode === "string" && TRANSIENT.has(sysCode);
}

/** True when the error says the resource does not exist (`DBClusterSnapshotNotFoundFault`, …). */
export function isNotFound(e: unknown): boolean {
    const code = errorCode(e) ?? "";
    if (/NotFound/i.test(code)) return true;
    return httpStatus(e) === 404 || /\bnot found\b/i.test(errorMessage(e));
}

/** True when the error says the resource exists already (`…AlreadyExistsFault`). */
export function isAlreadyExists(e: unknown): boolean {
    const code = errorCode(e) ?? "";
    return /AlreadyExists/i.test(code) || /already exists/i.test(errorMessage(e));
}

/** "Code: message" for messages; never includes request parameters. */
export function describeAwsError(e: unknown): string {
    const code = errorCode(e);
    const message = errorMessage(e);
    return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/** Known refusals, by code first and text second, with what the operator should do. */
export function adviceFor(e: unknown): string | undefined {
    const code = errorCode(e) ?? "";
    const text = errorMessage(e);
    if (code === "InvalidGlobalClusterStateFault" || /is upgrading/i.test(text)) {
        return "the global cluster is busy with another operation: wait until it finishes, then run the command again";
    }
    if (/global replica/i.test(text) || /upgrade global replicas first/i.test(text)) {
        return "a secondary is still at a lower version: run the command again, it upgrades the secondaries first";
    }
    if (/only supports major|minor version upgrades/i.test(text))
        return "AWS does not offer the managed minor upgrade for this global cluster: run again with --strategy rolling";
    if (/without a primary instance/i.test(text))
        return "add at least one DB instance to the cluster, then run the command again";
    if (code === "InvalidDBClusterStateFault")
        return "the cluster is not available: wait until it is, then run the command again";
    if (/isn't supported in a single member/i.test(text))
        return "major upgrades go through the global cluster: use `aurora-global upgrade --allow-major`";
    if (code === "InvalidParameterCombination" && /parameter group/i.test(text)) {
        return "create parameter groups of the target family in every region, then run the command again";
    }
    if (isThrottling(e)) return "AWS kept throttling the account: wait a few minutes and run the command again";
    if (/AccessDenied|UnauthorizedOperation/i.test(code))
        return "grant the caller the policy printed by iamPolicyDocument() (orchestrator/iam-policy.ts)";
    return undefined;
}
