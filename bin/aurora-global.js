#!/usr/bin/env node
// The `aurora-global` CLI. Installed from npm it runs the built JavaScript in dist/ (fast start, no
// TypeScript at run time); in a clone without a build, or with AURORA_GLOBAL_FROM_SOURCE=1 (what
// the tests set), it runs the TypeScript directly with ts-node.
const path = require("path");
const run = require("./run-entry");

run(path.join(__dirname, "..", "orchestrator", "cli", "main"), "aurora-global");
