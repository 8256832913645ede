/** Exit codes, as the CLI's: 0 done, 1 a failure while changing things, 2 bad input or blocked. */
export const EXIT = { ok: 0, failure: 1, blocked: 2 } as const;
