import * as fs from "fs";
import * as path from "path";

/**
 * The version of the installed aurora-global: `version` of the nearest package.json named
 * aurora-global above this file (the sources in a clone, dist/ in the npm package).
 */
export function packageVersion(from: string = __dirname): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (pkg.name === "aurora-global" && pkg.version) return pkg.version;
        }
        if (path.dirname(dir) === dir) return "unknown";
    }
}
