#!/usr/bin/env bash
# Stages a self-contained copy of the policy pack for `pulumi policy publish`.
#
# The pack calls the shared planner (../planner, ../engine-versions) so that no rule is written
# twice; `pulumi policy publish` uploads only the directory it runs in, so this copies the pack and
# the shared code into one directory whose package.json points at policy/index.ts.
#
# Usage: bash policy/scripts/stage-for-publish.sh [OUT_DIR]   (default: dist/policy-pack)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/dist/policy-pack}"

rm -rf "$out"
mkdir -p "$out/policy"
# The pack itself, without the offline runner (it needs the mock engine, which is not published).
(cd "$root/policy" && tar --exclude=node_modules --exclude=scripts -cf - .) | (cd "$out/policy" && tar -xf -)
cp -R "$root/planner" "$root/engine-versions" "$out/"
cp "$root/policy/PulumiPolicy.yaml" "$out/PulumiPolicy.yaml"

node - "$root/policy/package.json" "$out" <<'JS'
const fs = require("fs");
const path = require("path");
const [pkgPath, out] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"));
pkg.main = "policy/index.ts";
fs.writeFileSync(path.join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
const tsconfig = {
    compilerOptions: { target: "es2022", module: "commonjs", moduleResolution: "node", lib: ["es2022"], strict: true, esModuleInterop: true, skipLibCheck: true, types: ["node"] },
    files: ["policy/index.ts"],
};
fs.writeFileSync(path.join(out, "tsconfig.json"), JSON.stringify(tsconfig, null, 2) + "\n");
JS

echo "staged in $out: cd there and run 'pulumi policy publish <org>'"
