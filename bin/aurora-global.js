#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): ts-node in transpile-only mode with the
// project's tsconfig, so `npx aurora-global --help` works right after `npm ci`.
const path = require("path");

require("ts-node").register({
    transpileOnly: true,
    project: path.join(__dirname, "..", "tsconfig.json"),
    compilerOptions: { module: "commonjs" },
});

const { main } = require("../orchestrator/cli/main");

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (error) => {
        process.stderr.write(`aurora-global: ${error && error.message ? error.message : String(error)}\n`);
        process.exitCode = 1;
    },
);
