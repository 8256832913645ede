#!/usr/bin/env node
// `npm run offline`: the product end to end with no cloud account and no Pulumi CLI. Runs the
// TypeScript directly (ts-node, transpile-only, the project's tsconfig), like bin/aurora-global.js.
const path = require("path");

// The SDK prints a notice about Node versions on load; the offline run has no use for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

require("ts-node").register({
    transpileOnly: true,
    project: path.join(__dirname, "..", "tsconfig.json"),
    compilerOptions: { module: "commonjs" },
});

const { main } = require("../offline/main");

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (error) => {
        process.stderr.write(`offline: ${error && error.stack ? error.stack : String(error)}\n`);
        process.exitCode = 1;
    },
);
