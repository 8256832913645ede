import { fault } from "./aws-errors";

/**
 * Paginated Describe answers as AWS gives them: at most `MaxRecords` items (default 100, minimum
 * 20, maximum 100: API reference of DescribeGlobalClusters and DescribeBlueGreenDeployments) and a
 * `Marker` while more remain; the next request passes the Marker back to continue after it.
 * The Marker is opaque to callers (here the offset, encoded).
 */
export const DEFAULT_MAX_RECORDS = 100;
export const MIN_MAX_RECORDS = 20;

export function page<T>(
    items: readonly T[],
    input: { readonly MaxRecords?: number; readonly Marker?: string },
): { readonly items: T[]; readonly Marker?: string } {
    const max = input.MaxRecords ?? DEFAULT_MAX_RECORDS;
    if (!Number.isInteger(max) || max < MIN_MAX_RECORDS || max > DEFAULT_MAX_RECORDS)
        fault(
            "InvalidParameterValue",
            `Invalid value ${max} for MaxRecords. Valid values are ${MIN_MAX_RECORDS} to ${DEFAULT_MAX_RECORDS}.`,
        );
    const from = input.Marker === undefined ? 0 : offsetOf(input.Marker);
    const to = from + max;
    return { items: items.slice(from, to), ...(to < items.length ? { Marker: markerOf(to) } : {}) };
}

function markerOf(offset: number): string {
    return Buffer.from(`offset:${offset}`).toString("base64");
}

function offsetOf(marker: string): number {
    const m = /^offset:(\d+)$/.exec(Buffer.from(marker, "base64").toString());
    return m ? Number(m[1]) : fault("InvalidParameterValue", `The parameter Marker is not valid: ${marker}`);
}
