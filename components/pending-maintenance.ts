import { DescribePendingMaintenanceActionsCommand, RDSClient } from "@aws-sdk/client-rds";
import { PendingAction } from "../planner";

/** One existing member whose pending maintenance is asked for. */
export interface MemberRef {
    readonly clusterIdentifier: string;
    readonly region: string;
}

/**
 * Reads a member's pending maintenance actions (DescribePendingMaintenanceActions). The AWS
 * provider has no data source for them, so the component asks RDS itself — only when the stack
 * opts in to applying pending patches.
 */
export type PendingMaintenanceReader = (member: MemberRef) => Promise<readonly PendingAction[]>;

/** The real reader: the AWS SDK in the member's region (honours AWS_ENDPOINT_URL, like the CLI). */
export const sdkPendingMaintenanceReader: PendingMaintenanceReader = async ({ clusterIdentifier, region }) => {
    const client = new RDSClient({ region });
    try {
        const actions: PendingAction[] = [];
        let marker: string | undefined;
        do {
            const page = await client.send(
                new DescribePendingMaintenanceActionsCommand({
                    Filters: [{ Name: "db-cluster-id", Values: [clusterIdentifier] }],
                    Marker: marker,
                }),
            );
            for (const resource of page.PendingMaintenanceActions ?? []) {
                for (const d of resource.PendingMaintenanceActionDetails ?? []) {
                    if (d.Action)
                        actions.push({ action: d.Action, ...(d.Description ? { description: d.Description } : {}) });
                }
            }
            marker = page.Marker;
        } while (marker);
        return actions;
    } finally {
        client.destroy();
    }
};

let reader: PendingMaintenanceReader = sdkPendingMaintenanceReader;

/** The reader in use. */
export function pendingMaintenanceReader(): PendingMaintenanceReader {
    return reader;
}

/**
 * Replaces the reader (the mock-engine harness answers from its described state); `undefined`
 * restores the AWS SDK reader. Returns the previous one.
 */
export function setPendingMaintenanceReader(next: PendingMaintenanceReader | undefined): PendingMaintenanceReader {
    const previous = reader;
    reader = next ?? sdkPendingMaintenanceReader;
    return previous;
}
