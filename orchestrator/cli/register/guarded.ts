import { ResolvedDeps } from "../deps";
import { EXIT } from "../commands";
import { parseIdentity } from "../identity-flags";
import { parseGlobalCluster, parseRegion } from "../options";

/** The raw option values commander hands an action. */
export type Raw = Record<string, string | boolean | string[] | undefined>;
export const str = (v: Raw[string]): string | undefined => (typeof v === "string" ? v : undefined);
export const list = (v: Raw[string]): string[] | undefined => (Array.isArray(v) ? v : undefined);

/** What every command's registration needs: the CLI's dependencies and where its exit code goes. */
export interface CommandContext {
    readonly deps: ResolvedDeps;
    readonly setExit: (code: number) => void;
}

/** Builds a command's run from its raw options, pushing every bad value to `errors`. */
export type RunBuilder = (raw: Raw, errors: string[], deps: ResolvedDeps) => () => Promise<number>;

/**
 * Values that follow no flag (commander's operands: none of our commands takes one), each named
 * so the user sees which one is extra (commander's own message gives only their count).
 */
function extraArguments(command: { name(): string; args: readonly string[] } | undefined): string[] {
    const extra = command?.args ?? [];
    return extra.length === 0
        ? []
        : [
              `too many arguments for '${command!.name()}': ${extra.map((a) => JSON.stringify(a)).join(", ")} ${extra.length === 1 ? "follows" : "follow"} no flag; give each value right after its flag (${command!.name()} takes no other argument)`,
          ];
}

/** An action that validates, reports every bad value at once (exit 2), or runs. */
export function guarded(
    cli: CommandContext,
    build: RunBuilder,
): (raw: Raw, command?: { name(): string; args: readonly string[] }) => Promise<void> {
    return async (raw, command) => {
        const errors: string[] = extraArguments(command);
        const identity = parseIdentity(raw, errors);
        const run = build(raw, errors, { ...cli.deps, clients: cli.deps.clientsFor(identity) });
        if (errors.length > 0) {
            for (const e of errors) cli.deps.stderr(`aurora-global: ${e}\n`);
            cli.setExit(EXIT.input);
            return;
        }
        cli.setExit(await run());
    };
}

/** `--region` (default AWS_REGION) and `--global-cluster`: the database a command acts on. */
export function databaseArgs(raw: Raw, errors: string[], deps: ResolvedDeps) {
    return {
        region: parseRegion(str(raw.region), deps.env, errors),
        globalCluster: parseGlobalCluster(str(raw.globalCluster), errors),
    };
}
