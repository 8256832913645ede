// In this repository, `aurora-global/<folder>` (what the policy pack imports: it is its own npm
// package and depends on the published aurora-global) resolves to the TypeScript sources, so the
// tests, the offline run and the bench run the pack against the code under test, not a build.
// The type checker does the same through tsconfig.json's `paths`. Installed elsewhere, the pack
// resolves `aurora-global` from its own node_modules (dist/, through package.json `exports`).
const Module = require("module");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const ALIAS = /^aurora-global(?:\/(planner|engine-versions|vocabulary|upgrade-options|orchestrator|probe))?$/;
const resolve = Module._resolveFilename;

Module._resolveFilename = function (request, ...rest) {
    const m = ALIAS.exec(request);
    return resolve.call(this, m ? path.join(root, m[1] || "package-entry") : request, ...rest);
};
