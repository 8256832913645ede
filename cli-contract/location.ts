import * as path from "path";

/**
 * The installed package's directory, resolved through the package's own name (a self-reference,
 * which Node allows because package.json has `exports`): the same answer from the TypeScript
 * sources, from dist/, and from `node_modules/aurora-global` in another project.
 */
export const PACKAGE_ROOT = path.dirname(require.resolve("aurora-global/package.json"));

/** The CLI's entry point, an absolute path (runs dist/ when built, else the TypeScript). */
export const CLI_BIN = path.join(PACKAGE_ROOT, "bin", "aurora-global.js");

/** Quotes a shell word when it needs it (identifiers and versions never do: they are validated). */
export function shellWord(word: string): string {
    return /^[A-Za-z0-9._:/=@+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * The command line that starts the CLI in an upgrade step: `node <absolute path of the installed
 * bin>`. A command's working directory is the Pulumi program's directory (docs/aws-rules.md §7), so a path
 * relative to it breaks in any other project or an Automation API inline program.
 */
export function cliCommand(bin: string = CLI_BIN): string {
    return `node ${shellWord(bin)}`;
}
