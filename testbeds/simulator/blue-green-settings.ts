/** Durations of the blue/green model (SimulatedRdsOptions). */
export interface BlueGreenSettings {
    /** Cloning storage and creating the green instances of a member, before its upgrade. Default 20 min. */
    readonly cloneMs: number;
    /** A switchover that passes its guardrails. Default 45 s. */
    readonly switchoverMs: number;
    /** Guardrail checks at the start of a switchover (no downtime yet). Default 10 s. */
    readonly guardrailMs: number;
    /** DELETING before the deployment is gone. Default 1 min. */
    readonly deleteMs: number;
}

export const DEFAULT_BLUE_GREEN: BlueGreenSettings = {
    cloneMs: 20 * 60_000,
    switchoverMs: 45_000,
    guardrailMs: 10_000,
    deleteMs: 60_000,
};
