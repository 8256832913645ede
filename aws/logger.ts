import { Clock } from "./ports";

/** Progress lines for people (stderr). Messages carry identifiers and versions only, never secrets. */
export interface Logger {
    info(message: string): void;
    warn(message: string): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

/** `4m05s`, `1h02m03s`, `12s`. */
export function formatDuration(ms: number): string {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n: number) => String(n).padStart(2, "0");
    if (h > 0) return `${h}h${pad(m)}m${pad(s)}s`;
    if (m > 0) return `${m}m${pad(s)}s`;
    return `${s}s`;
}

/** A logger that prefixes each line with the run's elapsed time: `[+4m05s] …`. */
export function lineLogger(write: (line: string) => void, clock: Clock, start: number = clock.now()): Logger {
    const line = (level: string, message: string) =>
        write(`[+${formatDuration(clock.now() - start)}]${level} ${message}\n`);
    return { info: (m) => line("", m), warn: (m) => line(" WARNING:", m) };
}

/** A logger that keeps lines in memory (tests). */
export function memoryLogger(): Logger & { readonly lines: string[] } {
    const lines: string[] = [];
    return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(`WARNING: ${m}`) };
}
