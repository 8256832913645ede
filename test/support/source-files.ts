import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root. */
export const ROOT = path.join(__dirname, "..", "..");

/** The folders that ship (tsconfig.build.json's `include`) and the policy pack. */
export const PRODUCT: readonly string[] = [
    ...(JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.build.json"), "utf8")) as { include: string[] }).include,
    "policy",
];

/** Every .ts/.js source file under `dir` (repository-relative, posix), without node_modules or .d.ts. */
export function sourceFiles(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.posix.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
        return /\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
    });
}

export function readSource(file: string): string {
    return fs.readFileSync(path.join(ROOT, file), "utf8");
}
