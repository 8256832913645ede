import * as pulumi from "@pulumi/pulumi";
import { findUpgradeStepsRecord, UPGRADE_STEPS_OUTPUT, UpgradeStepsRecord } from "./kept-steps";

/** `organization/project/stack` of the stack being deployed. */
export function selfStackName(): string {
    return `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`;
}

/**
 * The upgrade steps the last update of this very stack declared for component `name`, read
 * from the stack's own last outputs with a self `StackReference` named `<name>-last-deployment`
 * (parented to the component; a read, not a change, in every preview).
 *
 * Tolerant: no such output (first deploy, or a program that does not export it) or an output in
 * another shape gives undefined; no stack name (no organization) or an unreadable value gives
 * undefined and a warning on the component. A read the engine itself refuses fails the preview,
 * as any failed read does in Pulumi (the SDK fails the program; the engine would too). The value
 * is used as plain data, so nothing created from it depends on the reference.
 */
export async function readLastUpgradeSteps(
    name: string,
    parent: pulumi.Resource,
): Promise<UpgradeStepsRecord | undefined> {
    try {
        const ref = new pulumi.StackReference(`${name}-last-deployment`, { name: selfStackName() }, { parent });
        const details = await ref.getOutputDetails(UPGRADE_STEPS_OUTPUT);
        return findUpgradeStepsRecord(details.value ?? details.secretValue, name);
    } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        void pulumi.log.warn(
            `cannot read this stack's last "${UPGRADE_STEPS_OUTPUT}" output (${reason}): the steps of the last upgrade are not kept, so this preview shows them being deleted (harmless: they have no delete command)`,
            parent,
        );
        return undefined;
    }
}
