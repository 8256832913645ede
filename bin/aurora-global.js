#!/usr/bin/env node
// The `aurora-global` CLI: runs the TypeScript directly, so `npx aurora-global --help` works right
// after `npm ci`.
require("./run-typescript")(require("path").join(__dirname, "..", "orchestrator", "cli", "main"), "aurora-global");
