// Shared by the bin/ launchers: runs a TypeScript entry point's `main(argv)` directly (no build
// step), with ts-node in transpile-only mode and the project's tsconfig, and turns its result
// into the exit code. `prefix` starts the line of an unexpected error.
const path = require("path");

module.exports = function runTypeScript(modulePath /* absolute, without extension */, prefix, { stack = false } = {}) {
    // The AWS SDK prints a 7-line NodeVersionSupportWarning on every run under Node < 22 (into step
    // logs and PR comments). Its documented switch (@aws-sdk/core emitWarningIfUnsupportedVersion)
    // is this variable set to "true"; a value the user set is kept.
    if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
        process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    }
    require("ts-node").register({
        transpileOnly: true,
        project: path.join(__dirname, "..", "tsconfig.json"),
        compilerOptions: { module: "commonjs" },
    });
    const { main } = require(modulePath);
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (error) => {
            const text = error && (stack ? error.stack : error.message);
            process.stderr.write(`${prefix}: ${text || String(error)}\n`);
            process.exitCode = 1;
        },
    );
};
