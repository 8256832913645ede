import { applyProjectConfig, fullKey, loadProject, readStackFile } from "./project-config";

/**
 * The stack config the Pulumi CLI would pass to the program: `Pulumi.<stack>.yaml` (plus
 * `overrides`, keys with or without the project prefix) checked and merged with `Pulumi.yaml`'s
 * `config:` block exactly as Pulumi's `ValidateStackConfigAndApplyProjectConfig` does (see
 * project-config.ts): a missing required key or a value of the wrong type throws Pulumi's error.
 * Keys are namespaced (`aurora-global:engine`); scalars are strings as Pulumi passes them, lists
 * stay lists (the harness JSON-encodes them like the CLI).
 */
export function loadStackConfig(
    projectDir: string,
    stack: string,
    overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
    const project = loadProject(projectDir);
    const stackConfig = readStackFile(projectDir, project.name, stack);
    for (const [key, value] of Object.entries(overrides)) stackConfig[fullKey(project.name, key)] = value;
    return applyProjectConfig(project, stack, stackConfig);
}
