import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { generateProviderArgs, PROVIDER_ARGS } from "../../scripts/provider-args";

describe("package: provider/args.ts is generated from the component's arguments", () => {
    it("is up to date (run `npm run generate` after changing the component's argument interfaces)", async () => {
        const generated = await generateProviderArgs();
        assert.ok(generated.includes("export interface AuroraGlobalDatabaseInputs"));
        assert.equal(fs.readFileSync(PROVIDER_ARGS, "utf8"), generated);
    });
});
