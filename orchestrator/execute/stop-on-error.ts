import { adviceFor, describeAwsError } from "../../aws/errors";
import { InputError, MissingCredentials, UpgradeStopped } from "../../aws/run-errors";
import { MemberTopology } from "../../aws/topology/types";
import { ref } from "./context";

/**
 * Turns an AWS error from a step into a stop that names the member, region, what was being
 * done, AWS's answer (code first) and what to do. Our own stops pass through.
 */
export function stopOnError(
    e: unknown,
    member: Pick<MemberTopology, "role" | "cluster" | "region">,
    doing: string,
): Error {
    if (e instanceof UpgradeStopped || e instanceof InputError || e instanceof MissingCredentials) return e;
    const advice =
        adviceFor(e) ??
        "check the error, fix the cause, then run the same command again: it resumes from what AWS reports";
    return new UpgradeStopped(
        `${doing} failed for ${ref(member)}: AWS answered ${describeAwsError(e)}. What to do: ${advice}.`,
        member.cluster,
        member.region,
    );
}
