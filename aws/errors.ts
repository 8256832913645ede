/**
 * Classifying AWS errors: codes first, message fragments second (docs/aws-rules.md §4: texts change,
 * codes are stable). Nothing here waits on a particular wording.
 */

import { VERSION_FLAGS } from "../cli-contract/flags";

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
]);

/**
 * Node's socket and DNS error codes (`err.code` of `net`/`dns`, nodejs.org/api/errors.html#common-system-errors):
 * the endpoint could not be reached or dropped the connection. `ENOTFOUND` is a DNS failure, not
 * AWS's `…NotFound…` (a resource that does not exist): never classify one as the other.
 */
const NETWORK = new Set([
    "ENOTFOUND",
    "EAI_AGAIN",
    "ECONNREFUSED",
    "ECONNRESET",
    "ECONNABORTED",
    "ETIMEDOUT",
    "EPIPE",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ENETDOWN",
]);

/**
 * True when the request never got an answer from RDS: a Node socket/DNS error (`ENOTFOUND`,
 * `ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`, …) or the HTTP handler's `TimeoutError` (its
 * connectionTimeout / requestTimeout, @smithy/node-http-handler). An AWS answer carries an HTTP
 * status in `$metadata`; these do not.
 */
export function isNetworkError(e: unknown): boolean {
    if (typeof e !== "object" || e === null) return false;
    if (httpStatus(e) !== undefined) return false;
    const o = e as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof o.code === "string" && NETWORK.has(o.code)) return true;
    if (o.name === "TimeoutError") return true;
    return o.cause !== undefined && o.cause !== e && isNetworkError(o.cause);
}

/**
 * True when the SDK found no credentials at all (its default chain: environment, SSO, shared
 * profile, process, web identity, container and instance metadata; @aws-sdk/credential-provider-node
 * raises `CredentialsProviderError: Could not load credentials from any providers`), or the
 * profile named by AWS_PROFILE has none.
 */
export function isMissingCredentials(e: unknown): boolean {
    const name = (e as { name?: unknown } | null)?.name;
    return name === "CredentialsProviderError" || /could not load credentials/i.test(errorMessage(e));
}

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

/**
 * Expired session credentials: `ExpiredToken` (RDS's Query API) or `ExpiredTokenException`
 * (STS and JSON APIs), "The security token included in the request is expired". A wait that
 * outlives a one-hour assumed-role or OIDC session gets it; new credentials fix it.
 */
const EXPIRED_CREDENTIALS = new Set(["ExpiredToken", "ExpiredTokenException", "RequestExpired"]);

/** True when the request's session credentials had expired (retry with refreshed credentials). */
export function isExpiredCredentials(e: unknown): boolean {
    const code = errorCode(e);
    return (
        (code !== undefined && EXPIRED_CREDENTIALS.has(code)) ||
        /security token included in the request is expired/i.test(errorMessage(e))
    );
}

/** True for errors worth retrying: throttling, 5xx/server faults, timeouts and dropped connections, expired session credentials. */
export function isRetryable(e: unknown): boolean {
    if (isThrottling(e) || isExpiredCredentials(e)) return true;
    const code = errorCode(e);
    if (code !== undefined && TRANSIENT.has(code)) return true;
    const status = httpStatus(e);
    if (status !== undefined && status >= 500) return true;
    if ((e as { $fault?: unknown } | null)?.$fault === "server") return true;
    return isNetworkError(e);
}

/**
 * The HTTP status and content type of an answer that is not AWS's: AWS's Query API answers in
 * XML (`text/xml`), errors included; an HTML page (a proxy's 403) or a body the SDK could not
 * parse ("Deserialization error") came from something else. Undefined for AWS's own answers and
 * for errors without an HTTP answer.
 */
export function foreignAnswer(e: unknown): { status: number; contentType: string } | undefined {
    const status = httpStatus(e);
    if (status === undefined) return undefined;
    const response = (e as { $response?: { headers?: Record<string, string | undefined> } }).$response;
    const contentType = (response?.headers?.["content-type"] ?? "").split(";")[0].trim();
    const unparsed = /Deserialization error/i.test(errorMessage(e));
    if (unparsed) return { status, contentType };
    if (response === undefined || /xml/i.test(contentType)) return undefined;
    // No content type at all: foreign only when nothing in it was AWS's (no error code, no request id).
    const requestId = (e as { $metadata?: { requestId?: unknown } }).$metadata?.requestId;
    const code = errorCode(e);
    const anonymous = code === undefined || ["Unknown", "UnknownError", "NotFound"].includes(code);
    return contentType !== "" || (anonymous && requestId === undefined) ? { status, contentType } : undefined;
}

/** True when the error says the resource does not exist (`DBClusterSnapshotNotFoundFault`, …). */
export function isNotFound(e: unknown): boolean {
    if (isNetworkError(e)) return false;
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
        return `AWS does not offer the managed minor upgrade for this global cluster: run again with ${VERSION_FLAGS.strategy} rolling`;
    if (/without a primary instance/i.test(text))
        return "add at least one DB instance to the cluster, then run the command again";
    if (code === "InvalidDBClusterStateFault")
        return "the cluster is not available: wait until it is, then run the command again";
    if (/isn't supported in a single member/i.test(text))
        return `major upgrades go through the global cluster: use \`aurora-global upgrade ${VERSION_FLAGS.allowMajor}\``;
    if (code === "InvalidParameterCombination" && /parameter group/i.test(text)) {
        return "create parameter groups of the target family in every region, then run the command again";
    }
    if (isThrottling(e)) return "AWS kept throttling the account: wait a few minutes and run the command again";
    if (/AccessDenied|UnauthorizedOperation/i.test(code))
        return "grant the caller the policy printed by iamPolicyDocument() (orchestrator/iam-policy.ts)";
    return undefined;
}
