import {
    EnforcementLevel,
    Policies,
    PolicyPackConfig,
    ReportViolation,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { CurrentState } from "../mock-engine";
import { fromMockRun, MockRun } from "./engine-emulation/from-mock-engine";
import { analyzedInputs, analyzedOutputs, makeUrn, RecordedResource } from "./engine-emulation/preview";
import { NotApplicable, policyConfig, resourceArgs, stackArgs } from "./engine-emulation/policy-args";
import { isUnknownValueError } from "../../../policy/lib/props";
import { policies as packPolicies } from "../../../policy/policies";

export { RecordedResource } from "./engine-emulation/preview";
export { fromMockRun, MockRun } from "./engine-emulation/from-mock-engine";
export { UNKNOWN } from "./engine-emulation/unknowns";

/** One policy result, as `pulumi preview --policy-pack` reports it. */
export interface PolicyVerdict {
    readonly policy: string;
    readonly enforcementLevel: Exclude<EnforcementLevel, "disabled" | "remediate">;
    readonly message: string;
    /** The resource the violation is about (absent for a stack-wide violation). */
    readonly urn?: string;
}

export interface RunOptions {
    /** Policy pack configuration, as in `--policy-pack-config` (per policy: a level, or `{ enforcementLevel, ...properties }`). */
    readonly config?: PolicyPackConfig;
    readonly project?: string;
    readonly stack?: string;
    /** The policies to run; the whole pack by default. */
    readonly policies?: Policies;
}

export interface PolicyRun {
    readonly verdicts: readonly PolicyVerdict[];
    /** True when a mandatory violation would fail the preview. */
    readonly failed: boolean;
}

/**
 * Runs the policy pack over a program's recorded registrations without the Pulumi CLI, the way
 * the engine does at `pulumi preview`: every resource policy on each resource's inputs (with the
 * state value substituted for `ignoreChanges` properties of existing resources), then every stack
 * policy on the planned outputs with parents and dependencies linked.
 */
export async function runPolicies(
    registrations: readonly RecordedResource[],
    options: RunOptions = {},
): Promise<PolicyRun> {
    const project = options.project ?? "aurora-global";
    const stack = options.stack ?? "dev";
    const urns = registrations.map((r) => r.urn ?? makeUrn(project, stack, r.type, r.name, r.parent));
    const verdicts: PolicyVerdict[] = [];
    for (const policy of options.policies ?? packPolicies) {
        const level = levelOf(policy, options.config);
        if (level === undefined) continue;
        const config = policyConfig(options.config, policy.name);
        const report =
            (fallbackUrn?: string): ReportViolation =>
            (message: string, urn?: string) =>
                verdicts.push({
                    policy: policy.name,
                    enforcementLevel: level,
                    message,
                    ...((fallbackUrn ?? urn) ? { urn: fallbackUrn ?? urn } : {}),
                });
        const guard = async (run: () => unknown): Promise<void> => {
            try {
                await run();
            } catch (e) {
                if (e instanceof NotApplicable) return;
                if (isUnknownValueError(e)) {
                    verdicts.push({
                        policy: policy.name,
                        enforcementLevel: "advisory",
                        message: `can't run policy '${policy.name}' during preview: ${(e as Error).message}`,
                    });
                    return;
                }
                throw e;
            }
        };
        if (isStackPolicy(policy)) {
            const args = stackArgs(
                registrations.map((r, i) => analyzedOutputs(r, urns[i])),
                config,
            );
            await guard(() => policy.validateStack(args, report()));
            continue;
        }
        const validations = ([] as NonNullable<ResourceValidationPolicy["validateResource"]>[])
            .concat(policy.validateResource ?? [])
            .flat();
        for (const [i, r] of registrations.entries()) {
            for (const validate of validations)
                await guard(() => validate(resourceArgs(analyzedInputs(r, urns[i]), config), report(urns[i])));
        }
    }
    return { verdicts, failed: verdicts.some((v) => v.enforcementLevel === "mandatory") };
}

/**
 * Runs the pack over a run of the offline mock engine (`runProgramUnderMocks`): the resources
 * described in `current` exist, with their running versions in state (see `fromMockRun`).
 */
export function runPoliciesOnMockRun(
    run: MockRun,
    current: CurrentState = {},
    options: RunOptions = {},
): Promise<PolicyRun> {
    return runPolicies(fromMockRun(run, current), options);
}

function isStackPolicy(p: Policies[number]): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

/** The effective level: pack config, else the policy's default, else advisory; undefined when disabled. */
function levelOf(
    policy: Policies[number],
    config: PolicyPackConfig | undefined,
): PolicyVerdict["enforcementLevel"] | undefined {
    const c = config?.[policy.name];
    const level = (typeof c === "string" ? c : c?.enforcementLevel) ?? policy.enforcementLevel ?? "advisory";
    if (level === "disabled") return undefined;
    return level === "remediate" ? "mandatory" : level;
}

/** The verdicts as the offline run prints them: one line per violation, mandatory first. */
export function formatVerdicts(run: PolicyRun): string {
    if (run.verdicts.length === 0) return "policy pack aurora-global: no violations";
    const sorted = [...run.verdicts].sort((a, b) =>
        a.enforcementLevel === b.enforcementLevel ? 0 : a.enforcementLevel === "mandatory" ? -1 : 1,
    );
    const lines = sorted.map(
        (v) => `  [${v.enforcementLevel}] ${v.policy}${v.urn ? ` (${v.urn.split("::").pop()})` : ""}: ${v.message}`,
    );
    const mandatory = run.verdicts.filter((v) => v.enforcementLevel === "mandatory").length;
    return [
        `policy pack aurora-global: ${mandatory} mandatory, ${run.verdicts.length - mandatory} advisory violation(s)`,
        ...lines,
    ].join("\n");
}
