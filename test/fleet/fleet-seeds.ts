import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { defaultCatalogue, SeedTopology } from "../../testbeds/simulator";
import { simulate } from "../orchestrator/harness";

export const PG_TARGET = "17.5";
export const MYSQL_TARGET = "8.0.mysql_aurora.3.08.2";

type Engine = "pg" | "my";

/** A two-region global database: writer in `writer`, one secondary in `secondary`. */
export function fleetSeed(
    id: string,
    engine: Engine,
    writer: string,
    secondary: string,
    tags: Record<string, string>,
    version?: string,
): SeedTopology {
    const short = (r: string) => r.replace(/^(\w\w)-(\w)\w*-(\d)$/, "$1$2$3");
    return {
        globalClusterId: id,
        engine: engine === "pg" ? "aurora-postgresql" : "aurora-mysql",
        version: version ?? (engine === "pg" ? "17.4" : "8.0.mysql_aurora.3.08.0"),
        members: [
            { id: `${id}-${short(writer)}`, region: writer, role: "primary", instances: 1 },
            { id: `${id}-${short(secondary)}`, region: secondary, role: "secondary" },
        ],
        tags,
    };
}

/**
 * Twelve global databases in three regions: canary (env=dev: both engines and one Aurora MySQL
 * 3.05 → 3.08 minor that AWS refuses in place, blocked), regional (listed by id), prod (env=prod).
 */
export const FLEET: readonly SeedTopology[] = [
    fleetSeed("pg-dev-a", "pg", "us-east-1", "eu-west-1", { env: "dev" }),
    fleetSeed("my-dev-a", "my", "eu-west-1", "us-east-1", { env: "dev" }),
    fleetSeed("my-dev-bg", "my", "us-east-1", "ap-northeast-1", { env: "dev" }, "8.0.mysql_aurora.3.05.2"),
    fleetSeed("pg-eu-a", "pg", "eu-west-1", "us-east-1", { env: "stage" }),
    fleetSeed("pg-eu-b", "pg", "eu-west-1", "ap-northeast-1", { env: "stage" }),
    fleetSeed("my-eu-a", "my", "eu-west-1", "ap-northeast-1", { env: "stage" }),
    fleetSeed("my-eu-b", "my", "eu-west-1", "us-east-1", { env: "stage" }),
    fleetSeed("pg-ap-a", "pg", "ap-northeast-1", "us-east-1", { env: "stage" }),
    fleetSeed("pg-prod-a", "pg", "us-east-1", "eu-west-1", { env: "prod" }),
    fleetSeed("pg-prod-b", "pg", "ap-northeast-1", "eu-west-1", { env: "prod" }),
    fleetSeed("my-prod-a", "my", "us-east-1", "eu-west-1", { env: "prod" }),
    fleetSeed("my-prod-b", "my", "eu-west-1", "ap-northeast-1", { env: "prod" }),
];

/** The simulator with the fleet seeded; Aurora MySQL 3.05.2 added to the catalogue (community MySQL 8.0.32). */
export function simulateFleet() {
    const sim = simulate(FLEET[0], {
        catalogue: [...defaultCatalogue(), { engine: "aurora-mysql", version: "8.0.mysql_aurora.3.05.2" }],
    });
    for (const s of FLEET.slice(1)) sim.seed(s);
    return sim;
}

export const ROLLOUT = `# the fleet's rollout
name: fleet-test
target:
  aurora-postgresql: "${PG_TARGET}"
  aurora-mysql: "${MYSQL_TARGET}"
strategy: auto
regions: [us-east-1, eu-west-1, ap-northeast-1]
skipBlocked: true
waves:
  - name: canary
    select: { tags: { env: dev } }
    bakeMinutes: 30
    maxParallel: 3
  - name: regional
    select: { globalClusters: [pg-eu-a, pg-eu-b, my-eu-a, my-eu-b, pg-ap-a] }
    bakeMinutes: 15
    maxParallel: 2
  - name: prod
    select: { tags: { env: prod } }
    maxParallel: 4
`;

/** Writes `text` to a fresh temporary rollout file and returns its path. */
export function rolloutFile(text: string, name = "rollout.yaml"): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-"));
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
}
