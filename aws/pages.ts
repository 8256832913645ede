import { RdsGateway, SdkCommand } from "./gateway";

/**
 * Every page of a paginated Describe call. AWS returns at most `MaxRecords` items per page (default
 * 100, 20–100 for DescribeGlobalClusters and DescribeBlueGreenDeployments: API reference) and a
 * `Marker` while more remain; the next request repeats the input with that Marker (the AWS CLI's
 * `describe-blue-green-deployments` "is a paginated operation"). A reader that keeps only the first
 * page misses whatever AWS lists after item 100.
 */
export async function everyPage<O extends { Marker?: string }, T>(
    api: RdsGateway,
    region: string,
    command: (marker: string | undefined) => SdkCommand,
    items: (page: O) => readonly T[] | undefined,
): Promise<T[]> {
    const all: T[] = [];
    const seen = new Set<string>();
    for (let marker: string | undefined; ;) {
        const page = await api.send<O>(region, command(marker));
        all.push(...(items(page) ?? []));
        marker = page.Marker;
        // A marker seen before would loop for ever: AWS never repeats one.
        if (!marker || seen.has(marker)) return all;
        seen.add(marker);
    }
}
