import * as fs from "fs";
import * as path from "path";
import { isEngine } from "../../../engine-versions";
import { Scenario, ScenarioAws, ScenarioExpect, ScenarioMember, ScenarioPendingAction } from "./types";

// js-yaml 4 comes with @pulumi/pulumi; only `load` is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

/** The folder the scenario files live in: `scenarios/` at the project root. */
export const SCENARIO_DIR = path.join(__dirname, "..", "..", "scenarios");

/** The scenario the offline run shows when none is named. */
export const DEFAULT_SCENARIO = "pg-managed-minor";

/** Thrown for a scenario that does not exist or does not validate; the message names the fix. */
export class ScenarioError extends Error {}

/** Names of the scenario files in `dir`, sorted. */
export function listScenarios(dir: string = SCENARIO_DIR): string[] {
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => f.slice(0, -".yaml".length))
        .sort();
}

/** Loads and validates `scenarios/<name>.yaml`; an unknown name lists the available ones. */
export function loadScenario(name: string, dir: string = SCENARIO_DIR): Scenario {
    const available = listScenarios(dir);
    if (!available.includes(name)) {
        throw new ScenarioError(
            `unknown scenario "${name}": choose one of ${available.join(", ")} (npm run offline -- --list describes them)`,
        );
    }
    const file = path.join(dir, `${name}.yaml`);
    let raw: unknown;
    try {
        raw = yaml.load(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new ScenarioError(`scenario file ${file} is not valid YAML: ${(e as Error).message}`);
    }
    return parseScenario(name, raw);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates a parsed scenario document; every problem is listed, each naming the field and the fix. */
export function parseScenario(name: string, raw: unknown): Scenario {
    const problems: string[] = [];
    const doc: Obj = isObj(raw)
        ? raw
        : (problems.push("the document must be a mapping with description, pullRequest, aws and expect"), {});
    const str = (o: Obj, key: string, where: string, fallback?: string): string => {
        const v = o[key];
        if (typeof v === "string" && v.trim() !== "") return v.trim();
        if (typeof v === "number") return String(v);
        if (v === undefined && fallback !== undefined) return fallback;
        problems.push(
            `${where}${key} is ${v === undefined ? "missing" : `${JSON.stringify(v)}, not a string`}: give it as text, e.g. ${key}: "…"`,
        );
        return fallback ?? "";
    };
    const num = (o: Obj, key: string, where: string, fallback: number): number => {
        const v = o[key];
        if (v === undefined) return fallback;
        if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
        problems.push(`${where}${key} is ${JSON.stringify(v)}: give a number >= 0`);
        return fallback;
    };
    const bool = (o: Obj, key: string, where: string, fallback: boolean): boolean => {
        const v = o[key];
        if (v === undefined) return fallback;
        if (typeof v === "boolean") return v;
        problems.push(`${where}${key} is ${JSON.stringify(v)}: give true or false`);
        return fallback;
    };
    const map = (key: string): Obj => {
        const v = doc[key];
        if (v === undefined || v === null) return {};
        if (isObj(v)) return v;
        problems.push(`${key} must be a mapping of config keys to values (e.g. engineVersion: "17.5")`);
        return {};
    };

    const description = str(doc, "description", "");
    const stack = str(doc, "stack", "", "dev");
    const stackConfig = map("stackConfig");
    const pullRequest = map("pullRequest");
    if (Object.keys(pullRequest).length === 0)
        problems.push(
            'pullRequest is empty: give the config change of the pull request, e.g. pullRequest: { engineVersion: "17.5" }',
        );

    const awsRaw: Obj = isObj(doc.aws)
        ? doc.aws
        : (problems.push("aws is missing: describe what runs in AWS now (globalCluster, engine, version, members)"),
          {});
    const globalCluster = str(awsRaw, "globalCluster", "aws.");
    const engine = str(awsRaw, "engine", "aws.");
    if (engine !== "" && !isEngine(engine))
        problems.push(`aws.engine "${engine}" is not supported: use aurora-postgresql or aurora-mysql`);
    const membersRaw = Array.isArray(awsRaw.members)
        ? awsRaw.members
        : (problems.push("aws.members is missing: list the member clusters (region, role, instances)"), []);
    const members = membersRaw.map((m, i): ScenarioMember => {
        const where = `aws.members[${i}].`;
        const o: Obj = isObj(m)
            ? m
            : (problems.push(`${where.slice(0, -1)} must be a mapping (region, role, instances)`), {});
        const region = str(o, "region", where);
        const role = str(o, "role", where);
        if (role !== "" && role !== "primary" && role !== "secondary")
            problems.push(`${where}role "${role}" is not valid: use primary or secondary`);
        const pendingRaw =
            o.pendingActions === undefined
                ? []
                : Array.isArray(o.pendingActions)
                  ? o.pendingActions
                  : (problems.push(`${where}pendingActions must be a list`), []);
        const pendingActions = pendingRaw.map((p, j): ScenarioPendingAction => {
            const pw = `${where}pendingActions[${j}].`;
            const po: Obj = isObj(p) ? p : {};
            return {
                action: str(po, "action", pw, "system-update"),
                ...(po.targetVersion !== undefined ? { targetVersion: str(po, "targetVersion", pw) } : {}),
                ...(po.minutes !== undefined ? { minutes: num(po, "minutes", pw, 10) } : {}),
            };
        });
        return {
            cluster: str(o, "cluster", where, `${globalCluster}-${region}`),
            region,
            role: role === "secondary" ? "secondary" : "primary",
            instances: num(o, "instances", where, 1),
            ...(o.version !== undefined ? { version: str(o, "version", where) } : {}),
            upgradeMinutes: num(o, "upgradeMinutes", where, 10),
            rpo: bool(o, "rpo", where, false),
            pendingActions,
            failUpgrade: bool(o, "failUpgrade", where, false),
        };
    });
    if (members.length > 0 && members.filter((m) => m.role === "primary").length !== 1)
        problems.push("aws.members must have exactly one member with role: primary");
    const aws: ScenarioAws = {
        globalCluster,
        engine: isEngine(engine) ? engine : "aurora-postgresql",
        version: str(awsRaw, "version", "aws."),
        members,
    };

    let expect: ScenarioExpect = { path: "", blocked: false, finalVersion: "", exitCode: 0 };
    if (isObj(doc.expect)) {
        const ex = doc.expect;
        const rules = Array.isArray(ex.rules) ? ex.rules.map(String) : undefined;
        const upgradeOrder = Array.isArray(ex.upgradeOrder) ? ex.upgradeOrder.map(String) : undefined;
        const snapshotOf = typeof ex.snapshotOf === "string" ? ex.snapshotOf : undefined;
        const blocked = bool(ex, "blocked", "expect.", false);
        const finalVersions = isObj(ex.finalVersions)
            ? Object.fromEntries(Object.entries(ex.finalVersions).map(([k, v]) => [k, String(v)]))
            : undefined;
        expect = {
            path: str(ex, "path", "expect."),
            blocked,
            finalVersion: str(ex, "finalVersion", "expect."),
            ...(finalVersions ? { finalVersions } : {}),
            exitCode: num(ex, "exitCode", "expect.", blocked ? 2 : 0),
            ...(rules ? { rules } : {}),
            ...(upgradeOrder ? { upgradeOrder } : {}),
            ...(snapshotOf ? { snapshotOf } : {}),
        };
    } else problems.push("expect is missing: give path, blocked and finalVersion (what the test asserts)");

    if (problems.length > 0)
        throw new ScenarioError(`scenario "${name}" is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    return { name, description, stack, stackConfig, pullRequest, aws, expect };
}
