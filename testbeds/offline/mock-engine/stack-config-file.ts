import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

/**
 * The stack config the Pulumi CLI would pass: the `default`s declared in `Pulumi.yaml`'s
 * `config:` block, overridden by `Pulumi.<stack>.yaml`. Keys are namespaced
 * (`aurora-global:engine`); arrays stay arrays (the harness JSON-encodes them like the CLI).
 */
export function loadStackConfig(projectDir: string, stack: string): Record<string, unknown> {
    const project = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as {
        name: string;
        config?: Record<string, { default?: unknown } | unknown>;
    };
    const out: Record<string, unknown> = {};
    for (const [key, decl] of Object.entries(project.config ?? {})) {
        if (typeof decl === "object" && decl !== null && "default" in decl)
            out[`${project.name}:${key}`] = (decl as { default: unknown }).default;
    }
    const stackFile = path.join(projectDir, `Pulumi.${stack}.yaml`);
    const stackConfig =
        (yaml.load(fs.readFileSync(stackFile, "utf8")) as { config?: Record<string, unknown> } | undefined)?.config ??
        {};
    for (const [key, value] of Object.entries(stackConfig))
        out[key.includes(":") ? key : `${project.name}:${key}`] = value;
    return out;
}
