// `npm run docs`: writes every generated part of the docs (scripts/docs/sections.ts) from its
// source. `npm run docs -- --check` writes nothing and exits 1 naming each stale part.
import * as fs from "fs";
import * as path from "path";
import { currentContent, regenerate, ROOT, SECTIONS } from "./sections";

function main(check: boolean): number {
    const stale: string[] = [];
    for (const s of SECTIONS) {
        const file = path.join(ROOT, s.file);
        const doc = fs.readFileSync(file, "utf8");
        if (currentContent(doc, s) === s.render()) continue;
        stale.push(`${s.file} (${s.name}, from ${s.source})`);
        if (!check) fs.writeFileSync(file, regenerate(doc, s));
    }
    for (const s of stale) process.stdout.write(`${check ? "stale" : "written"}: ${s}\n`);
    return check && stale.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.includes("--check"));
