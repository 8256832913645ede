import { RunContext } from "./context";

/**
 * Runs tasks concurrently. When one fails, the others are told to stop at their next turn
 * (no task keeps polling in the background), and the first failure is thrown once all settled.
 */
export async function runParallel(ctx: RunContext, tasks: readonly (() => Promise<void>)[]): Promise<void> {
    let first: { error: unknown } | undefined;
    await Promise.all(
        tasks.map((task) =>
            task().catch((error: unknown) => {
                if (!first) {
                    first = { error };
                    ctx.stop(error);
                }
            }),
        ),
    );
    if (first) throw first.error;
}
