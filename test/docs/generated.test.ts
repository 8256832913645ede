import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { currentContent, regenerate, ROOT, SECTIONS } from "../../scripts/docs/sections";

describe("docs: the generated parts are current (npm run docs writes them)", () => {
    it("has a generated part for the config table, the rule lists, the policies and the bench figures", () => {
        assert.deepEqual(
            SECTIONS.map((s) => `${s.file}#${s.name}`),
            [
                "docs/configuration.md#config-table",
                "docs/upgrade-paths.md#blocking-rules",
                "docs/benchmarks.md#bench-table",
                "testbeds/bench/README.md#bench-table",
                "policy/README.md#policies",
                "policy/README.md#planner-rules",
            ],
        );
    });

    for (const s of SECTIONS)
        it(`${s.file}: ${s.name} is what ${s.source} gives (else run npm run docs)`, () => {
            const doc = fs.readFileSync(path.join(ROOT, s.file), "utf8");
            const content = currentContent(doc, s);
            assert.ok(content !== undefined, `${s.file} lacks the markers of ${s.name}`);
            assert.ok(content.length > 0);
            assert.equal(content, s.render());
        });

    it("regenerating replaces only what is between the markers", () => {
        const s = SECTIONS[1];
        const doc = `before\n${regenerate(fs.readFileSync(path.join(ROOT, s.file), "utf8"), s)}`;
        const stale = doc.replace(s.render(), "- `downgrade`: stale");
        assert.notEqual(currentContent(stale, s), s.render());
        assert.equal(regenerate(stale, s), doc);
    });
});
