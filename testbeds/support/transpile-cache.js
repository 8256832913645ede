// Loads the repository's TypeScript for `npm run offline` with each file compiled once and cached:
// a `.ts` file is transpiled (TypeScript's transpileModule, the project's tsconfig.json, CommonJS)
// the first time it is required, and the JavaScript is kept under
// node_modules/.cache/aurora-global/transpiled/, keyed by the file's path and text, the compiler
// version and tsconfig.json. Later runs read the JavaScript and never load the compiler (which
// alone takes about a second to load here). Type errors are the typecheck's job (`npm run
// typecheck`), as with ts-node's transpile-only mode. `npm ci` fills the cache (package.json
// `prepare`: `node testbeds/support/transpile-cache.js --warm`). Stack traces point into the TypeScript
// (inline source maps, Node's process.setSourceMapsEnabled).
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const cacheDir = path.join(root, "node_modules", ".cache", "aurora-global", "transpiled");
const tsconfigPath = path.join(root, "tsconfig.json");

/** What every cache key depends on besides the file: the compiler's version and the project's options. */
function salt() {
    // The compiler's package.json, beside its lib/ folder (resolving the compiler does not load it).
    const compiler = require.resolve("typescript", { paths: [root] });
    const tsVersion = JSON.parse(
        fs.readFileSync(path.join(path.dirname(compiler), "..", "package.json"), "utf8"),
    ).version;
    return `${tsVersion}\n${fs.readFileSync(tsconfigPath, "utf8")}`;
}

let compilerOptions;
/** tsconfig.json's compiler options for one file compiled to CommonJS (parsed on the first miss). */
function options(ts) {
    if (compilerOptions) return compilerOptions;
    const { config } = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
    const parsed = ts.convertCompilerOptionsFromJson(config.compilerOptions ?? {}, root).options;
    compilerOptions = {
        ...parsed,
        module: ts.ModuleKind.CommonJS,
        noEmit: false,
        declaration: false,
        sourceMap: false,
        inlineSourceMap: true,
        inlineSources: false,
    };
    return compilerOptions;
}

function transpile(source, filename) {
    const ts = require(require.resolve("typescript", { paths: [root] }));
    return ts.transpileModule(source, { fileName: filename, compilerOptions: options(ts), reportDiagnostics: false })
        .outputText;
}

/** Writes through a temporary file and a rename, so a run beside this one never reads half a file. */
function store(file, text) {
    try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, text);
        fs.renameSync(tmp, file);
    } catch {
        // A read-only tree still runs, compiling every time.
    }
}

/** Folders `npm run offline` loads TypeScript from (never test/, which mocha compiles itself). */
const OFFLINE_SOURCES = [
    "index.ts",
    "aws",
    "aws-regions",
    "cli-contract",
    "components",
    "engine-versions",
    "orchestrator",
    "package-entry",
    "planner",
    "policy",
    "probe",
    "provider",
    "testbeds",
    "vocabulary",
];

function typeScriptFiles(entry) {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return [];
    if (!fs.statSync(full).isDirectory()) return entry.endsWith(".ts") && !entry.endsWith(".d.ts") ? [full] : [];
    return fs
        .readdirSync(full)
        .filter((name) => name !== "node_modules")
        .flatMap((name) => typeScriptFiles(path.join(entry, name)));
}

/**
 * Fills the cache for every file the offline run may load (npm ci runs it: package.json
 * `prepare`), so the first `npm run offline` of a fresh clone compiles nothing. Without the
 * compiler (an install without dev dependencies) it does nothing.
 */
function warm() {
    try {
        require.resolve("typescript", { paths: [root] });
    } catch {
        return 0;
    }
    const keySalt = salt();
    let written = 0;
    for (const file of OFFLINE_SOURCES.flatMap(typeScriptFiles)) {
        const source = fs.readFileSync(file, "utf8");
        const cached = cachePath(keySalt, file, source);
        if (fs.existsSync(cached)) continue;
        store(cached, transpile(source, file));
        written += 1;
    }
    return written;
}

function cachePath(keySalt, filename, source) {
    const key = crypto.createHash("sha256").update(keySalt).update(filename).update(source).digest("hex");
    return path.join(cacheDir, `${key}.js`);
}

function register() {
    const keySalt = salt();
    process.setSourceMapsEnabled(true);
    require.extensions[".ts"] = function loadTypeScript(module, filename) {
        const source = fs.readFileSync(filename, "utf8");
        const cached = cachePath(keySalt, filename, source);
        let js;
        try {
            js = fs.readFileSync(cached, "utf8");
        } catch {
            js = transpile(source, filename);
            store(cached, js);
        }
        module._compile(js, filename);
    };
}

/** Whether `file`'s current text has its JavaScript in the cache. */
function isCached(file) {
    return fs.existsSync(cachePath(salt(), file, fs.readFileSync(file, "utf8")));
}

module.exports = { register, warm, isCached, cacheDir };

if (require.main === module && process.argv.includes("--warm")) warm();
