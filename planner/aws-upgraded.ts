import { sameVersion } from "../engine-versions";
import { PlanContext } from "./context";
import { AwsUpgraded } from "./types";

/**
 * AWS upgrades members itself (after a major's Extended Support ends, docs/aws-rules.md §11), and a person may
 * use the console: then every member runs one version newer than `engineVersion`. That is not a
 * downgrade to plan (Aurora cannot downgrade, and a declared version below the running one never
 * produces an AWS call): the plan is empty and warns. Members that disagree with each other, or a
 * member still to be created, keep today's rules (the `downgrade` rule blocks).
 */
export function awsUpgradedOf(ctx: PlanContext): AwsUpgraded | undefined {
    if (ctx.members.length === 0 || ctx.members.some((m) => m.current === undefined)) return undefined;
    const [first, ...rest] = ctx.members;
    if (!ctx.members.every((m) => m.change === "downgrade")) return undefined;
    if (!rest.every((m) => sameVersion(first.current!, m.current!))) return undefined;
    const primary = ctx.members.find((m) => m.state.role === "primary") ?? first;
    return { running: primary.current!.text, declared: ctx.input.target.text };
}

/** The warning an AWS-applied upgrade gives, with its fix. */
export function awsUpgradedWarning(u: AwsUpgraded): string {
    return `AWS (or someone) upgraded this database to ${u.running}; set engineVersion to ${u.running} (it declares ${u.declared}): nothing is planned, and a version below the running one never produces an AWS call`;
}
