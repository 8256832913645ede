import { AddTagsToResourceCommand } from "@aws-sdk/client-rds";
import { describeAwsError, errorCode } from "../../../aws/errors";
import { RdsGateway } from "../../../aws/gateway";
import { tagText } from "../../lease/lease-tag";
import { FleetDatabase } from "./discover";

/**
 * Where a rollout stands on one global database, as a tag on the global cluster so that any
 * machine can resume (or report) it: key `aurora-global:fleet`, value
 * `rollout=<name> wave=<wave> state=<state> target=<version> at=<ISO>`. AWS's Tag rules
 * (API_Tag: value 0-256 characters of letters, digits, white space and `_ . : / = + - @`) are
 * met by cleaning names with the lease's {@link tagText}.
 */
export const FLEET_TAG_KEY = "aurora-global:fleet";

/** `running`: its upgrade started; `done`: upgraded; `failed`: its upgrade stopped; `gated`: its wave baked and passed the health gate. */
export const PROGRESS_STATES = ["running", "done", "failed", "gated"] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export interface ProgressTag {
    readonly rollout: string;
    readonly wave: string;
    readonly state: ProgressState;
    readonly target: string;
    readonly at: number;
}

/** A name as the tag carries it: AWS's tag characters, no white space (it separates the fields). */
const tagWord = (text: string, max: number) => tagText(text, max).replace(/\s/g, "-");

export function progressTagValue(t: ProgressTag): string {
    return `rollout=${tagWord(t.rollout, 60)} wave=${tagWord(t.wave, 60)} state=${t.state} target=${tagWord(t.target, 40)} at=${new Date(t.at).toISOString()}`;
}

export function parseProgressTag(value: string | undefined): ProgressTag | undefined {
    const m = /^rollout=(\S+) wave=(\S+) state=(\S+) target=(\S+) at=(\S+)$/.exec(value ?? "");
    const at = m ? Date.parse(m[5]) : NaN;
    if (!m || Number.isNaN(at) || !(PROGRESS_STATES as readonly string[]).includes(m[3])) return undefined;
    return { rollout: m[1], wave: m[2], state: m[3] as ProgressState, target: m[4], at };
}

/** The rollout's tag on `d` when it is this rollout's (same name and target), else undefined. */
export function progressOf(d: FleetDatabase, rollout: string, target: string): ProgressTag | undefined {
    const t = parseProgressTag(d.tags[FLEET_TAG_KEY]);
    return t && t.rollout === tagWord(rollout, 60) && t.target === tagWord(target, 40) ? t : undefined;
}

/** Runs (their gateways) whose endpoint refused a progress tag: they warn once and set no more. */
const untaggable = new WeakSet<RdsGateway>();

/**
 * Sets the tag (AddTagsToResource on the global cluster's ARN, from its writer's region). An
 * endpoint that cannot tag global clusters (an emulator; AWS can) gets a warning: the rollout then
 * resumes from the versions AWS reports alone.
 */
export async function writeProgress(api: RdsGateway, d: FleetDatabase, tag: ProgressTag): Promise<void> {
    if (untaggable.has(api)) return;
    try {
        await api.send(
            d.region,
            new AddTagsToResourceCommand({
                ResourceName: d.arn,
                Tags: [{ Key: FLEET_TAG_KEY, Value: progressTagValue(tag) }],
            }),
        );
    } catch (e) {
        if (errorCode(e) !== "InvalidParameterValue" && errorCode(e) !== "InvalidParameterCombination") throw e;
        untaggable.add(api);
        api.log.warn(
            `the rollout's progress tag could not be set on global cluster "${d.id}" (${describeAwsError(e)}): this run sets no more progress tags, and a re-run resumes from the versions AWS reports`,
        );
    }
}
