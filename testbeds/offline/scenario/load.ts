import * as fs from "fs";
import * as path from "path";
import { isEngine } from "../../../engine-versions";
import {
    DEFAULT_OLD_CLUSTERS,
    DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
    isOldClusters,
    OLD_CLUSTERS,
} from "../../../vocabulary";
import {
    Scenario,
    ScenarioAws,
    ScenarioBlueGreenExpect,
    ScenarioExpect,
    ScenarioMember,
    ScenarioPendingAction,
} from "./types";

// js-yaml 4 comes with @pulumi/pulumi; only `load` is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

/** The folder the scenario files live in: `testbeds/scenarios/`. */
export const SCENARIO_DIR = path.join(__dirname, "..", "..", "scenarios");

/** A scenario's file as users find it from the repository root: `testbeds/scenarios/` and the name, `.yaml`. */
export function scenarioFile(name: string): string {
    const root = path.join(__dirname, "..", "..", "..");
    return path
        .relative(root, path.join(SCENARIO_DIR, `${name}.yaml`))
        .split(path.sep)
        .join("/");
}

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

/** Loads and validates `testbeds/scenarios/<name>.yaml`; an unknown name lists the available ones. */
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

/** Reads typed fields of a scenario document, collecting every problem (field, value, fix). */
class Fields {
    readonly problems: string[] = [];

    problem(text: string): void {
        this.problems.push(text);
    }

    str(o: Obj, key: string, where: string, fallback?: string): string {
        const v = o[key];
        if (typeof v === "string" && v.trim() !== "") return v.trim();
        if (typeof v === "number") return String(v);
        if (v === undefined && fallback !== undefined) return fallback;
        this.problem(
            `${where}${key} is ${v === undefined ? "missing" : `${JSON.stringify(v)}, not a string`}: give it as text, e.g. ${key}: "…"`,
        );
        return fallback ?? "";
    }

    num(o: Obj, key: string, where: string, fallback: number): number {
        const v = o[key];
        if (v === undefined) return fallback;
        if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
        this.problem(`${where}${key} is ${JSON.stringify(v)}: give a number >= 0`);
        return fallback;
    }

    bool(o: Obj, key: string, where: string, fallback: boolean): boolean {
        const v = o[key];
        if (v === undefined) return fallback;
        if (typeof v === "boolean") return v;
        this.problem(`${where}${key} is ${JSON.stringify(v)}: give true or false`);
        return fallback;
    }

    /** A mapping of config keys to values (`stackConfig`, `pullRequest`). */
    configMap(doc: Obj, key: string): Obj {
        const v = doc[key];
        if (v === undefined || v === null) return {};
        if (isObj(v)) return v;
        this.problem(`${key} must be a mapping of config keys to values (e.g. engineVersion: "17.5")`);
        return {};
    }

    /** A list, or [] with a problem (`what` says what it must be). */
    list(v: unknown, what: string): unknown[] {
        if (Array.isArray(v)) return v;
        this.problem(what);
        return [];
    }
}

/** Validates a parsed scenario document; every problem is listed, each naming the field and the fix. */
export function parseScenario(name: string, raw: unknown): Scenario {
    const f = new Fields();
    const doc: Obj = isObj(raw)
        ? raw
        : (f.problem("the document must be a mapping with description, pullRequest, aws and expect"), {});
    const description = f.str(doc, "description", "");
    const stack = f.str(doc, "stack", "", "dev");
    const stackConfig = f.configMap(doc, "stackConfig");
    const pullRequest = f.configMap(doc, "pullRequest");
    if (Object.keys(pullRequest).length === 0)
        f.problem(
            'pullRequest is empty: give the config change of the pull request, e.g. pullRequest: { engineVersion: "17.5" }',
        );
    const aws = parseAws(f, doc.aws);
    const expect = parseExpect(f, doc.expect);
    if (f.problems.length > 0)
        throw new ScenarioError(`scenario "${name}" is not valid:\n${f.problems.map((p) => `  - ${p}`).join("\n")}`);
    return { name, description, stack, stackConfig, pullRequest, aws, expect };
}

/** `aws:`: what runs in AWS now. */
function parseAws(f: Fields, raw: unknown): ScenarioAws {
    const awsRaw: Obj = isObj(raw)
        ? raw
        : (f.problem("aws is missing: describe what runs in AWS now (globalCluster, engine, version, members)"), {});
    const globalCluster = f.str(awsRaw, "globalCluster", "aws.");
    const engine = f.str(awsRaw, "engine", "aws.");
    if (engine !== "" && !isEngine(engine))
        f.problem(`aws.engine "${engine}" is not supported: use aurora-postgresql or aurora-mysql`);
    const membersRaw = f.list(
        awsRaw.members,
        "aws.members is missing: list the member clusters (region, role, instances)",
    );
    const members = membersRaw.map((m, i) => parseMember(f, m, `aws.members[${i}].`, globalCluster));
    if (members.length > 0 && members.filter((m) => m.role === "primary").length !== 1)
        f.problem("aws.members must have exactly one member with role: primary");
    return {
        globalCluster,
        engine: isEngine(engine) ? engine : "aurora-postgresql",
        version: f.str(awsRaw, "version", "aws."),
        members,
        ...(f.bool(awsRaw, "upgradedByAws", "aws.", false) ? { upgradedByAws: true } : {}),
    };
}

/** One member of `aws.members`. */
function parseMember(f: Fields, m: unknown, where: string, globalCluster: string): ScenarioMember {
    const o: Obj = isObj(m) ? m : (f.problem(`${where.slice(0, -1)} must be a mapping (region, role, instances)`), {});
    const region = f.str(o, "region", where);
    const role = f.str(o, "role", where);
    if (role !== "" && role !== "primary" && role !== "secondary")
        f.problem(`${where}role "${role}" is not valid: use primary or secondary`);
    const pendingRaw =
        o.pendingActions === undefined ? [] : f.list(o.pendingActions, `${where}pendingActions must be a list`);
    return {
        cluster: f.str(o, "cluster", where, `${globalCluster}-${region}`),
        region,
        role: role === "secondary" ? "secondary" : "primary",
        instances: f.num(o, "instances", where, 1),
        ...(o.version !== undefined ? { version: f.str(o, "version", where) } : {}),
        upgradeMinutes: f.num(o, "upgradeMinutes", where, 10),
        rpo: f.bool(o, "rpo", where, false),
        pendingActions: pendingRaw.map((p, j) => parsePendingAction(f, p, `${where}pendingActions[${j}].`)),
        failUpgrade: f.bool(o, "failUpgrade", where, false),
        ...(o.rdsProxy !== undefined ? { rdsProxy: f.str(o, "rdsProxy", where) } : {}),
        ...(o.clusterParameterGroup !== undefined
            ? {
                  clusterParameterGroup: {
                      name: f.str(o, "clusterParameterGroup", where),
                      parameters: parameterMap(f, o.clusterParameters, `${where}clusterParameters`),
                  },
              }
            : {}),
    };
}

/** `clusterParameters:` — user-set parameters by name, values as text. */
function parameterMap(f: Fields, raw: unknown, where: string): Record<string, string> {
    if (raw === undefined) return {};
    if (!isObj(raw)) {
        f.problem(`${where} must be a mapping of parameter names to values (e.g. rds.force_ssl: "1")`);
        return {};
    }
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
}

function parsePendingAction(f: Fields, p: unknown, where: string): ScenarioPendingAction {
    const po: Obj = isObj(p) ? p : {};
    return {
        action: f.str(po, "action", where, "system-update"),
        ...(po.targetVersion !== undefined ? { targetVersion: f.str(po, "targetVersion", where) } : {}),
        ...(po.minutes !== undefined ? { minutes: f.num(po, "minutes", where, 10) } : {}),
    };
}

/** `expect:`: what the scenario's test asserts. */
function parseExpect(f: Fields, raw: unknown): ScenarioExpect {
    if (!isObj(raw)) {
        f.problem("expect is missing: give path, blocked and finalVersion (what the test asserts)");
        return { path: "", blocked: false, finalVersion: "", exitCode: 0 };
    }
    const ex = raw;
    const rules = Array.isArray(ex.rules) ? ex.rules.map(String) : undefined;
    const upgradeOrder = Array.isArray(ex.upgradeOrder) ? ex.upgradeOrder.map(String) : undefined;
    const outputIncludes = Array.isArray(ex.outputIncludes) ? ex.outputIncludes.map(String) : undefined;
    const snapshotOf = typeof ex.snapshotOf === "string" ? ex.snapshotOf : undefined;
    const blocked = f.bool(ex, "blocked", "expect.", false);
    const finalVersions = isObj(ex.finalVersions)
        ? Object.fromEntries(Object.entries(ex.finalVersions).map(([k, v]) => [k, String(v)]))
        : undefined;
    const blueGreen = ex.blueGreen === undefined ? undefined : parseBlueGreenExpect(f, ex.blueGreen);
    const group =
        ex.finalClusterParameterGroup === undefined ? undefined : f.str(ex, "finalClusterParameterGroup", "expect.");
    return {
        path: f.str(ex, "path", "expect."),
        blocked,
        finalVersion: f.str(ex, "finalVersion", "expect."),
        ...(finalVersions ? { finalVersions } : {}),
        exitCode: f.num(ex, "exitCode", "expect.", blocked ? 2 : 0),
        ...(rules ? { rules } : {}),
        ...(upgradeOrder ? { upgradeOrder } : {}),
        ...(snapshotOf ? { snapshotOf } : {}),
        ...(blueGreen ? { blueGreen } : {}),
        ...(group ? { finalClusterParameterGroup: group } : {}),
        ...(outputIncludes ? { outputIncludes } : {}),
    };
}

/** `expect.blueGreen:`: the switchover and what is left of the old (blue) clusters. */
function parseBlueGreenExpect(f: Fields, raw: unknown): ScenarioBlueGreenExpect {
    const where = "expect.blueGreen.";
    const o: Obj = isObj(raw)
        ? raw
        : (f.problem(
              "expect.blueGreen must be a mapping (switchoverTimeoutSeconds, switchoverWithinSeconds, oldClusters)",
          ),
          {});
    const oldClusters = f.str(o, "oldClusters", where, DEFAULT_OLD_CLUSTERS);
    if (!isOldClusters(oldClusters))
        f.problem(`${where}oldClusters "${oldClusters}" is not valid: use ${OLD_CLUSTERS.join(" or ")}`);
    return {
        switchoverTimeoutSeconds: f.num(o, "switchoverTimeoutSeconds", where, DEFAULT_SWITCHOVER_TIMEOUT_SECONDS),
        switchoverWithinSeconds: f.num(o, "switchoverWithinSeconds", where, 60),
        oldClusters: isOldClusters(oldClusters) ? oldClusters : DEFAULT_OLD_CLUSTERS,
    };
}
