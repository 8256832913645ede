// Shared by the bin/ launchers: runs an entry point's `main(argv)` and turns its result into the
// exit code. `sourcePath` is the TypeScript module (absolute, without extension); its built twin
// in dist/ runs when present (what the npm package holds), else the TypeScript runs with ts-node
// in transpile-only mode and the project's tsconfig (a clone without `npm run build`). `prefix`
// starts the line of an unexpected error; `registerTypeScript` replaces ts-node as the loader of
// the TypeScript (the offline run's cached transpiler).
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");

/**
 * The module to load: dist/<same path>.js when built, else the TypeScript source. With `source`
 * (or AURORA_GLOBAL_FROM_SOURCE=1) the source wins where it exists (a clone; never an installed
 * package, which holds no TypeScript).
 */
function resolveEntry(sourcePath, source, registerTypeScript) {
    const built = path.join(root, "dist", path.relative(root, sourcePath)) + ".js";
    const hasSource = fs.existsSync(sourcePath + ".ts");
    const preferSource = source || process.env.AURORA_GLOBAL_FROM_SOURCE === "1";
    if (!(preferSource && hasSource) && fs.existsSync(built)) return built;
    if (!hasSource) throw new Error(`neither ${built} nor ${sourcePath}.ts exists: run "npm run build" in ${root}`);
    if (registerTypeScript) registerTypeScript();
    else
        require("ts-node").register({
            transpileOnly: true,
            project: path.join(root, "tsconfig.json"),
            compilerOptions: { module: "commonjs" },
        });
    return sourcePath;
}

module.exports = function runEntry(sourcePath, prefix, { stack = false, source = false, registerTypeScript } = {}) {
    // The AWS SDK prints a 7-line NodeVersionSupportWarning on every run under Node < 22 (into step
    // logs and PR comments). Its documented switch (@aws-sdk/core emitWarningIfUnsupportedVersion)
    // is this variable set to "true"; a value the user set is kept.
    if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
        process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    }
    let main;
    try {
        ({ main } = require(resolveEntry(sourcePath, source, registerTypeScript)));
    } catch (error) {
        process.stderr.write(`${prefix}: ${(error && error.message) || String(error)}\n`);
        process.exitCode = 1;
        return;
    }
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
