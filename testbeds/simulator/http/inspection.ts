import { SeedTopology } from "../topology";
import { SimulatedRds } from "../simulated-rds";

/** Where tests read (and seed) the simulated control plane over HTTP, next to the RDS API. */
export const INSPECTION_PREFIX = "/__simulator/";

/**
 * JSON answers for tests and launchers: `GET calls`, `GET cluster/ID`, `GET global-cluster/ID`,
 * `GET health`, `POST seed` (a {@link SeedTopology}).
 */
export function inspectionAnswer(sim: SimulatedRds, url: string, body: string): { status: number; body: unknown } {
    const path = url.slice(INSPECTION_PREFIX.length).split("?")[0]!;
    const [what, id] = path.split("/").map(decodeURIComponent);
    try {
        switch (what) {
            case "health":
                return { status: 200, body: { ok: true, now: new Date(sim.clock.now()).toISOString() } };
            case "calls":
                return { status: 200, body: sim.calls };
            case "cluster":
                return { status: 200, body: sim.cluster(id!) };
            case "global-cluster":
                return { status: 200, body: sim.globalCluster(id!) };
            case "seed":
                sim.seed(JSON.parse(body) as SeedTopology);
                return { status: 200, body: { ok: true } };
            default:
                return { status: 404, body: { error: `unknown inspection path "${path}"` } };
        }
    } catch (e) {
        return { status: 404, body: { error: (e as Error).message } };
    }
}
