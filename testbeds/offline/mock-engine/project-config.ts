import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

/**
 * Project and stack config exactly as the Pulumi CLI checks and merges it before a program runs,
 * with Pulumi's own message texts. Sources (pulumi/pulumi):
 * - sdk/go/common/workspace/project.go: `RewriteShorthandConfigValues`, `Project.Validate`,
 *   `ValidateConfigValue`, `InferFullTypeName`, `configKeyIsNamespacedByProject`;
 * - sdk/go/common/workspace/config.go: `mergeConfig` (= `ValidateStackConfigAndApplyProjectConfig`),
 *   `validateStackConfigValue`, `missingStackConfigurationKeysError`, `formatMissingKeys`,
 *   `createConfigValue`;
 * - their tests in project_test.go (`TestStackConfigErrorsWhenMissingStackValueForConfigTypeWithNoDefault`,
 *   `TestStackConfigIntegerTypeIsCorrectlyValidated`, `TestStackConfigErrorsWhenStackValueIsNotCorrectlyTyped`,
 *   `TestNamespacedProjectConfigShouldNotBeExplicitlyTyped`, …).
 *
 * Stack values as Pulumi holds them (`config.Value`): a scalar of the stack file is its text
 * (`primaryInstanceCount: 2` is "2", `engineVersion: 17.40` is "17.40"); a list or map is an
 * object value kept as JSON; `{secure: …}` is a secret. Every key is namespaced (`project:key`);
 * a key without a namespace belongs to the project.
 */

/** `items:` of an array config type. */
export interface ProjectConfigItemsType {
    readonly type: string;
    readonly items?: ProjectConfigItemsType;
}

/** One entry of `Pulumi.yaml`'s `config:` block (after Pulumi's short-hand rewrite). */
export interface ProjectConfigType {
    readonly type?: string;
    readonly description?: string;
    readonly items?: ProjectConfigItemsType;
    readonly default?: unknown;
    readonly value?: unknown;
    readonly secret?: boolean;
}

/** The parts of `Pulumi.yaml` that decide config. */
export interface ProjectFile {
    readonly name: string;
    readonly config: Readonly<Record<string, ProjectConfigType>>;
}

/** A config error the Pulumi CLI reports before the program runs (its message is Pulumi's). */
export class PulumiConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PulumiConfigError";
    }
}

/** A `secure:` stack value (a Pulumi secret, encrypted in the stack file). */
export interface SecureValue {
    readonly secure: string;
}

function isSecure(value: unknown): value is SecureValue {
    return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as Record<string, unknown>).secure === "string"
    );
}

/** Go's `isPrimitiveValue` after YAML decoding: string, int or bool (YAML floats are not). */
function isPrimitive(value: unknown): boolean {
    return (
        typeof value === "string" ||
        typeof value === "boolean" ||
        (typeof value === "number" && Number.isInteger(value))
    );
}

/** project.go `configKeyIsNamespacedByProject`. */
export function namespacedByProject(projectName: string, key: string): boolean {
    return !key.includes(":") || key.startsWith(`${projectName}:`);
}

/** `engine` → `aurora-global:engine`; `aws:region` stays (config.go `parseConfigKey`). */
export function fullKey(projectName: string, key: string): string {
    return key.includes(":") ? key : `${projectName}:${key}`;
}

/** project.go `InferFullTypeName`: `array<string>`, `integer`, … */
export function inferFullTypeName(typeName: string, items?: ProjectConfigItemsType): string {
    return items ? `array<${inferFullTypeName(items.type, items.items)}>` : typeName;
}

/** project.go `ValidateConfigValue`: does `value` (a string for a scalar stack value) have the type? */
export function validateConfigValue(
    typeName: string,
    items: ProjectConfigItemsType | undefined,
    value: unknown,
): boolean {
    switch (typeName) {
        case "string":
            return typeof value === "string";
        case "integer":
            if (typeof value === "number") return Number.isInteger(value);
            // strconv.Atoi: optional sign, decimal digits, within 64 bits.
            return typeof value === "string" && /^[+-]?\d+$/.test(value) && Math.abs(Number(value)) < 2 ** 63;
        case "boolean":
            return value === "true" || value === "false" || typeof value === "boolean";
        case "object":
            return typeof value === "object" && value !== null && !Array.isArray(value);
    }
    if (!Array.isArray(value) || items === undefined) return false;
    return value.every((item) => validateConfigValue(items.type, items.items, item));
}

/**
 * project.go `RewriteShorthandConfigValues` then `Project.Validate`: a scalar or list entry is a
 * project key's `default` (or another namespace's `value`); a typed array needs `items`; a
 * default must have the declared type; keys of other namespaces take neither a type nor a default.
 */
export function parseProject(raw: unknown): ProjectFile {
    const doc = (raw ?? {}) as { name?: unknown; config?: unknown };
    if (typeof doc.name !== "string" || doc.name === "")
        throw new PulumiConfigError("project is missing a 'name' attribute");
    const name = doc.name;
    const config: Record<string, ProjectConfigType> = {};
    const block = typeof doc.config === "object" && doc.config !== null ? (doc.config as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(block)) {
        if (isPrimitive(value) || Array.isArray(value))
            config[key] = namespacedByProject(name, key) ? { default: value } : { value };
        else config[key] = (value ?? {}) as ProjectConfigType;
    }
    for (const key of Object.keys(config).sort()) {
        const t = config[key];
        const hasDefault = t.default !== undefined && t.default !== null;
        const hasValue = t.value !== undefined && t.value !== null;
        if (hasDefault && hasValue)
            throw new PulumiConfigError(`project config '${key}' cannot have both a 'default' and 'value' attribute`);
        if (namespacedByProject(name, key)) {
            if (t.type === "array" && t.items === undefined)
                throw new PulumiConfigError(
                    `The configuration key '${key}' declares an array but does not specify the underlying type via the 'items' attribute`,
                );
            if (t.type !== undefined && hasDefault && !validateConfigValue(t.type, t.items, t.default))
                throw new PulumiConfigError(
                    `The default value specified for configuration key '${key}' is not of the expected type '${inferFullTypeName(t.type, t.items)}'`,
                );
        } else {
            if (t.type !== undefined)
                throw new PulumiConfigError(
                    `Configuration key '${key}' is not namespaced by the project and should not define a type`,
                );
            if (hasDefault)
                throw new PulumiConfigError(
                    `Configuration key '${key}' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?`,
                );
            if (!hasValue)
                throw new PulumiConfigError(
                    `Configuration key '${key}' is namespaced and must provide an attribute 'value'`,
                );
        }
    }
    return { name, config };
}

/** Reads and validates `<projectDir>/Pulumi.yaml`. */
export function loadProject(projectDir: string): ProjectFile {
    return parseProject(yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")));
}

/**
 * The `config:` block of a stack file, keys namespaced, each value as Pulumi's `config.Value`
 * holds it: a top-level scalar is its text as written (YAML's failsafe reading), a list or map
 * keeps YAML's types inside (an item `1` is a number, not a string), `{secure: …}` stays a secret.
 */
export function parseStackFile(text: string, projectName: string): Record<string, unknown> {
    const typed = (yaml.load(text) as { config?: Record<string, unknown> } | null)?.config ?? {};
    const texts = (yaml.load(text, { schema: yaml.FAILSAFE_SCHEMA }) as { config?: Record<string, unknown> } | null)
        ?.config;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(typed)) {
        const scalar = value === null || typeof value !== "object";
        out[fullKey(projectName, key)] = scalar ? String(texts?.[key] ?? "") : value;
    }
    return out;
}

/** Reads `Pulumi.<stack>.yaml` of the project (an empty config when the file has none). */
export function readStackFile(projectDir: string, projectName: string, stack: string): Record<string, unknown> {
    return parseStackFile(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8"), projectName);
}

/** config.go `formatMissingKeys`: `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'` (sorted). */
function formatMissingKeys(keys: string[]): string {
    if (keys.length === 1) return `'${keys[0]}'`;
    const sorted = [...keys].sort();
    return `${sorted
        .slice(0, -1)
        .map((k) => `'${k}'`)
        .join(", ")} and '${sorted[sorted.length - 1]}'`;
}

/** A stack value as the string the program receives (config.go `createConfigValue` for defaults). */
function asConfigText(value: unknown): string {
    if (typeof value === "string") return value;
    if (isPrimitive(value) || typeof value === "number") return String(value);
    return JSON.stringify(value);
}

/**
 * config.go `ValidateStackConfigAndApplyProjectConfig`: every project key without `default` or
 * `value` must be set by the stack ("Stack 'dev' is missing configuration values …", all of them in
 * one error); project defaults and values fill what the stack does not set; then every typed key's
 * value must have its type ("Stack 'dev' with configuration key 'x' must be of type 'integer'")
 * and a `secret: true` key must be `secure:`. Keys the project does not declare pass unchecked.
 * Returns the merged config, scalars as strings, lists and maps as values; throws
 * {@link PulumiConfigError} with Pulumi's message otherwise.
 */
export function applyProjectConfig(
    project: ProjectFile,
    stackName: string,
    stackConfig: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
    const merged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(stackConfig))
        merged[fullKey(project.name, key)] =
            value === null || typeof value !== "object" ? asConfigText(value ?? "") : value;
    const missing: string[] = [];
    const keys = Object.keys(project.config).sort();
    for (const key of keys) {
        const t = project.config[key];
        const k = fullKey(project.name, key);
        const hasDefault = t.default !== undefined && t.default !== null;
        const hasValue = t.value !== undefined && t.value !== null;
        if (k in merged) continue;
        if (!hasDefault && !hasValue) {
            if (k.startsWith(`${project.name}:`)) missing.push(key);
            continue;
        }
        const value = hasDefault ? t.default : t.value;
        merged[k] = isPrimitive(value) ? asConfigText(value) : value;
    }
    if (missing.length > 0)
        throw new PulumiConfigError(
            `Stack '${stackName}' is missing configuration ${missing.length > 1 ? "values" : "value"} ${formatMissingKeys(missing)}`,
        );
    for (const key of keys) {
        const t = project.config[key];
        if (t.type === undefined) continue;
        const value = merged[fullKey(project.name, key)];
        if (t.secret && !isSecure(value))
            throw new PulumiConfigError(
                `Stack '${stackName}' with configuration key '${key}' must be encrypted as it's secret`,
            );
        if (isSecure(value)) continue; // the mock engine has no decrypter; Pulumi checks the plaintext
        if (!validateConfigValue(t.type, t.items, value))
            throw new PulumiConfigError(
                `Stack '${stackName}' with configuration key '${key}' must be of type '${inferFullTypeName(t.type, t.items)}'`,
            );
    }
    return merged;
}
