// Loads the repository's TypeScript for `npm run offline` with each file compiled once and cached:
// a `.ts` file is transpiled (TypeScript's transpileModule, the project's tsconfig.json, CommonJS)
// the first time it is required, and the JavaScript is kept under
// node_modules/.cache/aurora-global/transpiled/, keyed by the file's path and text, the compiler
// version and tsconfig.json. Later runs read the JavaScript and never load the compiler (which
// alone takes about a second to load here). Type errors are the typecheck's job (`npm run
// typecheck`), as with ts-node's transpile-only mode. Stack traces point into the TypeScript
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

function register() {
    const keySalt = salt();
    process.setSourceMapsEnabled(true);
    require.extensions[".ts"] = function loadTypeScript(module, filename) {
        const source = fs.readFileSync(filename, "utf8");
        const key = crypto.createHash("sha256").update(keySalt).update(filename).update(source).digest("hex");
        const cached = path.join(cacheDir, `${key}.js`);
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

module.exports = { register, cacheDir };
