import { AwsIdentity } from "../../cli-contract";
import { identityClients } from "../../aws/identity";
import { Clock, RdsClientFactory, systemClock } from "../../aws/ports";

/** The RDS clients that read AWS as `identity`. */
export type FactsClientsFor = (identity: AwsIdentity) => RdsClientFactory;

/**
 * Where the component's AWS reads go: RDS clients of the AWS SDK, the very reader the CLI uses
 * (aws/topology), acting as the identity the upgrade steps act as (`stepIdentity`:
 * `upgrade.identity`, else the AWS provider's profile, assumed role and RDS endpoint), through the
 * CLI's own `identityClients`: the preview reads the account and endpoint the steps will change.
 * The mock-engine harness points it at the simulated control plane.
 */
let override: FactsClientsFor | undefined;
let overridden: RdsClientFactory | undefined;
let clock: Clock = systemClock;

/** The RDS clients the component reads AWS's facts with, as `identity`. */
export function awsFactsClients(identity: AwsIdentity = {}): RdsClientFactory {
    return override ? override(identity) : identityClients(identity);
}

/** The clock the reads are stamped with (maintenance windows count from it) and retries wait on. */
export function awsFactsClock(): Clock {
    return clock;
}

/**
 * Replaces the clients and the clock (tests, the offline run: the simulated control plane and its
 * virtual clock); `byIdentity` answers per identity (a test of who the preview reads as);
 * `undefined` restores the real ones. Returns the previous override.
 */
export function setAwsFactsClients(
    next: RdsClientFactory | undefined,
    nextClock?: Clock,
    byIdentity?: FactsClientsFor,
): RdsClientFactory | undefined {
    const previous = overridden;
    overridden = next;
    override = byIdentity ?? (next ? () => next : undefined);
    clock = next && nextClock ? nextClock : systemClock;
    return previous;
}
