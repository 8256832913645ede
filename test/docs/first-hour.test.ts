import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as entry from "../../package-entry";

const root = path.join(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
    license: string;
    engines: { node: string };
    main: string;
    scripts: Record<string, string>;
};

describe("a newcomer's first hour: set-up, licence, Node versions, the package entry", () => {
    it("npm test installs what its tiers need first (pretest), and .ci/run runs npm test rather than installing itself", () => {
        assert.equal(pkg.scripts.pretest, "bash scripts/setup-test-deps.sh");
        const setup = read("scripts/setup-test-deps.sh");
        for (const pkgName of ["postgresql", "mariadb-server", "moto[server]==5.2.1"])
            assert.ok(setup.includes(pkgName), `scripts/setup-test-deps.sh does not install ${pkgName}`);
        const ci = read(".ci/run");
        assert.match(ci, /^npm test$/m);
        assert.match(ci, /^bash scripts\/fresh-clone-check\.sh$/m);
        assert.doesNotMatch(ci, /apt-get|pip install/, ".ci/run installs through npm test's pretest only");
    });

    it("the fresh-clone check runs the README's offline command in a clone of the committed tree", () => {
        const check = read("scripts/fresh-clone-check.sh");
        assert.match(check, /git clone/);
        assert.match(check, /npm ci/);
        assert.match(check, /npm run --silent offline/);
        assert.ok(read("README.md").split("```")[1].includes("npm ci && npm run offline"));
    });

    it("ships the Apache-2.0 licence package.json names, in full", () => {
        assert.equal(pkg.license, "Apache-2.0");
        const license = read("LICENSE");
        assert.match(license, /^\s*Apache License\s+Version 2\.0, January 2004/);
        assert.match(license, /TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION/);
        assert.match(license, /END OF TERMS AND CONDITIONS/);
    });

    it("engines admits the Node these tests run on (no EBADENGINE on the tested version)", () => {
        const minimum = Number(/^>=(\d+)$/.exec(pkg.engines.node)?.[1]);
        assert.ok(Number.isInteger(minimum), `engines.node "${pkg.engines.node}" is not ">=MAJOR"`);
        assert.ok(Number(process.versions.node.split(".")[0]) >= minimum);
        assert.equal(minimum, 20, "Node 20 is the oldest version built and tested here");
    });

    it("the package entry exports the component and iamPolicyDocument", () => {
        assert.equal(pkg.main, "dist/package-entry/index.js");
        assert.equal(typeof entry.AuroraGlobalDatabase, "function");
        const doc = entry.iamPolicyDocument({ globalClusterId: "orders" });
        assert.equal(doc.Version, "2012-10-17");
        assert.ok(doc.Statement.length > 0);
    });
});
