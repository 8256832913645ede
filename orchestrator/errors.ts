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
