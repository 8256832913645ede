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

/** An action that validates, reports every bad value at once (exit 2), or runs. */
export function guarded(cli: CommandContext, build: RunBuilder): (raw: Raw) => Promise<void> {
    return async (raw) => {
        const errors: string[] = [];
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
