import * as pulumi from "@pulumi/pulumi";
import { rdsClients } from "../../aws/clients";
import { Clock, RdsClientFactory, systemClock } from "../../aws/ports";

/**
 * Where the component's AWS reads go: RDS clients of the AWS SDK, the very reader the CLI uses
 * (aws/topology). Unset, real clients with the stack's `aws:profile` (when set), the
 * SDK's credential chain and its endpoint settings (AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_RDS), like
 * the provider's default; the mock-engine harness points it at the simulated control plane.
 */
let override: RdsClientFactory | undefined;
let clock: Clock = systemClock;

/** The RDS clients the component reads AWS's facts with. */
export function awsFactsClients(): RdsClientFactory {
    if (override) return override;
    const profile = new pulumi.Config("aws").get("profile");
    return rdsClients(profile ? { profile } : {});
}

/** The clock the reads are stamped with (maintenance windows count from it) and retries wait on. */
export function awsFactsClock(): Clock {
    return clock;
}

/**
 * Replaces the clients and the clock (tests, the offline run: the simulated control plane and its
 * virtual clock); `undefined` restores the real ones. Returns the previous override.
 */
export function setAwsFactsClients(
    next: RdsClientFactory | undefined,
    nextClock?: Clock,
): RdsClientFactory | undefined {
    const previous = override;
    override = next;
    clock = next && nextClock ? nextClock : systemClock;
    return previous;
}
