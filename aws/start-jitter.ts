import { RdsGateway } from "./gateway";
import { RUN_FLAGS } from "../cli-contract/flags";

/**
 * Waits a random part of `maxMs` (drawn from the gateway's injected jitter source, on its clock)
 * before a run's first call, so runs started together (one per global database, from one
 * pipeline) spread their start-up reads instead of spending a region's burst allowance in the
 * same second. Returns the time waited; 0 when `maxMs` is 0 (the default: a single run has no
 * one to make room for).
 */
export async function startJitter(api: RdsGateway, maxMs: number): Promise<number> {
    if (!(maxMs > 0)) return 0;
    const ms = Math.floor(api.random() * maxMs);
    if (ms > 0) {
        api.log.info(
            `start jitter: waiting ${(ms / 1000).toFixed(1)}s before the first call (${RUN_FLAGS.startJitterSeconds} ${Math.round(maxMs / 1000)})`,
        );
        await api.sleep(ms);
    }
    return ms;
}
