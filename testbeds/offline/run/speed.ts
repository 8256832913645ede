/** How fast virtual time runs: a factor over real time, or no delay at all. */
export type Speed = number | "max";

/** Default speed: 400 × real time, one virtual minute in 150 ms. */
export const DEFAULT_SPEED = 400;
