import { RDSClient } from "@aws-sdk/client-rds";

/**
 * Time as the orchestrator sees it. The real clock sleeps; the simulator's virtual clock
 * advances instantly, so hours of upgrade run in milliseconds in tests and benchmarks.
 */
export interface Clock {
    /** Milliseconds since the epoch (or since the virtual clock's start). */
    now(): number;
    sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Gives an RDS client for a region. The CLI builds real clients (honouring AWS_ENDPOINT_URL);
 * tests hand in clients wired to the simulated control plane.
 */
export type RdsClientFactory = (region: string) => RDSClient;
