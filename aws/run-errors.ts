import { IDENTITY_FLAGS } from "../cli-contract";

/** Bad input (flags, unknown global cluster, unsupported engine): exit code 2, nothing changed. */
export class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InputError";
    }
}

/**
 * The run stopped while changing things (`upgrade_failed`, timeout, unexpected AWS error,
 * interruption): exit code 1. The message names the member, region, state and what to do.
 */
export class UpgradeStopped extends Error {
    constructor(
        message: string,
        readonly cluster?: string,
        readonly region?: string,
    ) {
        super(message);
        this.name = "UpgradeStopped";
    }
}

/**
 * RDS could not be reached from here (DNS, refused or dropped connection, no answer within the
 * request timeout) after the retries: exit code 1. Never a "not found": nothing was learned
 * about the resource.
 */
export class EndpointUnreachable extends UpgradeStopped {
    constructor(
        readonly endpointRegion: string,
        readonly operation: string,
        readonly detail: string,
        readonly attempts: number,
        readonly cause: unknown,
    ) {
        super(
            `cannot reach the RDS endpoint for ${endpointRegion} (${detail}; ${operation}, ${attempts} attempt${attempts === 1 ? "" : "s"}): check the network, proxy and DNS of this machine, the region, and AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_RDS if set`,
            undefined,
            endpointRegion,
        );
        this.name = "EndpointUnreachable";
    }
}

/**
 * The RDS endpoint answered, but not as AWS does: an HTML page (a proxy's 403, a captive
 * portal), a body that is not XML. AWS's Query API answers every call, errors included, with
 * `text/xml` (RDS API reference, "Making API requests": Query requests; responses are XML).
 * Exit code 1: nothing was learned about the resource, so it is never "not found". Unlike an
 * unreachable endpoint it does not end a best-effort read (an emulator without an operation
 * answers so): that read's fact is unknown, with a warning, as for any error.
 */
export class NotAnAwsAnswer extends UpgradeStopped {
    constructor(
        readonly endpoint: string,
        readonly operation: string,
        readonly status: number,
        readonly contentType: string,
    ) {
        super(
            `the RDS endpoint ${endpoint} answered ${operation} with HTTP ${status} and ${contentType ? `a ${contentType} body` : "a body"} that is not an AWS answer (AWS answers in XML, with an error code on failure): check AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_RDS, ${IDENTITY_FLAGS.endpointUrl} and any proxy between this machine and AWS`,
        );
        this.name = "NotAnAwsAnswer";
    }
}

/** The run reached its deadline (`--timeout-minutes`) while a request or its retries were pending: exit code 1. */
export class DeadlineReached extends UpgradeStopped {
    constructor(message: string) {
        super(message);
        this.name = "DeadlineReached";
    }
}

/** The SDK found no AWS credentials: exit code 1, nothing was changed (the first call is a read). */
export class MissingCredentials extends Error {
    constructor(readonly detail: string) {
        super(
            `no AWS credentials were found (${detail}), so nothing was read or changed. Provide them one of these ways: ` +
                `a profile (AWS_PROFILE=NAME, set up with \`aws configure --profile NAME\`); ` +
                `IAM Identity Center (\`aws sso login --profile NAME\`, then AWS_PROFILE=NAME); ` +
                `a role (a profile with role_arn and source_profile, or AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE in CI); ` +
                `or environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and, for temporary credentials, AWS_SESSION_TOKEN)`,
        );
        this.name = "MissingCredentials";
    }
}

/**
 * Errors that end the run whatever the step was doing: a best-effort read must not swallow them
 * into a warning (no credentials, no endpoint, no time left).
 */
export function endsTheRun(e: unknown): boolean {
    return e instanceof MissingCredentials || e instanceof EndpointUnreachable || e instanceof DeadlineReached;
}
