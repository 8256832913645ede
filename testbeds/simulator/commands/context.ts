import { Faults } from "../faults";
import { SimStore } from "../store";

/** What a command handler gets besides its input. */
export interface HandlerContext {
    readonly store: SimStore;
    readonly faults: Faults;
    /** The region of the client that sent the call. */
    readonly region: string;
    readonly now: number;
}

/** A command handler: AWS input in, AWS output (without `$metadata`) out, or a thrown fault. */
export type Handler = (ctx: HandlerContext, input: Record<string, unknown>) => object;

/** Adapts a handler typed with the SDK's input shape to the dispatch table. */
export function handler<I>(fn: (ctx: HandlerContext, input: I) => object): Handler {
    return (ctx, input) => fn(ctx, input as unknown as I);
}
