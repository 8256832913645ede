/**
 * Runs `work` over `items`, at most `limit` at once, in order of start. When `shouldStart` says
 * no (a failure halted the rollout), no further item starts; those running finish.
 */
export async function inPool<T, R>(
    items: readonly T[],
    limit: number,
    work: (item: T) => Promise<R>,
    shouldStart: () => boolean = () => true,
): Promise<(R | undefined)[]> {
    const results: (R | undefined)[] = new Array(items.length).fill(undefined);
    let next = 0;
    const worker = async () => {
        while (next < items.length && shouldStart()) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
