import { RDSClient } from "@aws-sdk/client-rds";
import { responseMetadata } from "./aws-errors";

/** Runs one RDS operation against the simulator; resolves with its output (no `$metadata`). */
export type Dispatch = (region: string, command: string, input: Record<string, unknown>) => Promise<object>;

/** Name of the middleware that short-circuits the SDK's stack. */
export const SIMULATOR_MIDDLEWARE = "auroraGlobalSimulator";

/**
 * A real {@link RDSClient} (region set, dummy credentials, one attempt) whose middleware stack is
 * cut at the `initialize` step: the command input goes to `dispatch` and the result comes back
 * as the command's output, or the simulator's error propagates as the service exception. Nothing
 * is serialized, signed or sent, and no real timer is involved.
 */
export function simulatedClient(region: string, dispatch: Dispatch): RDSClient {
    const client = new RDSClient({
        region,
        credentials: { accessKeyId: "ASIASIMULATED000000", secretAccessKey: "simulated-secret-not-used" },
        maxAttempts: 1,
    });
    client.middlewareStack.add(
        (_next, context) => async (args) => {
            const command = String(context.commandName ?? "").replace(/Command$/, "");
            const output = await dispatch(region, command, (args.input ?? {}) as Record<string, unknown>);
            return { output: { ...output, $metadata: responseMetadata(200) }, response: {} } as never;
        },
        { step: "initialize", name: SIMULATOR_MIDDLEWARE, priority: "high", override: true },
    );
    return client;
}
