import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { COMMENT_MARKER } from "../../ci-comment/body";
import { FILES, PREVIEW_STEP, SETUP_STEPS } from "../../ci-comment/steps";

const root = path.join(__dirname, "..", "..");
const DIR = path.join(root, ".github", "workflows");

interface Step {
    id?: string;
    name?: string;
    if?: string;
    uses?: string;
    run?: string;
    env?: Record<string, string>;
    with?: Record<string, unknown>;
}
interface Job {
    name?: string;
    if?: string;
    env?: Record<string, string>;
    permissions?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, Record<string, unknown> | null>;
    env?: Record<string, string>;
    jobs: Record<string, Job>;
}

function read(file: string): { text: string; workflow: Workflow } {
    const text = fs.readFileSync(path.join(DIR, file), "utf8");
    return { text, workflow: yaml.load(text) as Workflow };
}

const WORKFLOWS = ["preview.yml", "ci.yml", "up.yml"];
/** Each action on the major that runs on Node 24 (action.yml `runs.using: node24`, read at its release commit). */
const MAJORS: Readonly<Record<string, number>> = {
    "actions/checkout": 7,
    "actions/setup-node": 7,
    "actions/setup-python": 7,
    "actions/setup-go": 7,
    "actions/github-script": 8,
    "aws-actions/configure-aws-credentials": 6,
    "pulumi/actions": 7,
};

function steps(workflow: Workflow): Step[] {
    return Object.values(workflow.jobs).flatMap((j) => j.steps);
}

describe("workflows: pinned, least secret, the comment always posted", () => {
    it("every action is pinned to a commit SHA with its release in a comment, on its Node 24 major, one SHA per release", () => {
        const pins = new Map<string, string>();
        for (const file of WORKFLOWS) {
            for (const m of read(file).text.matchAll(/^\s*(?:- )?uses: (.+)$/gm)) {
                const pin = /^([\w-]+\/[\w-]+)@([0-9a-f]{40}) # v(\d+)\.\d+\.\d+$/.exec(m[1]);
                assert.ok(pin, `${file}: "${m[1]}" is not ACTION@SHA # vX.Y.Z`);
                assert.equal(Number(pin[3]), MAJORS[pin[1]], `${file}: ${pin[1]} major`);
                const release = `${pin[1]} ${m[1].split("# ")[1]}`;
                assert.equal(pins.get(release) ?? pin[2], pin[2], `${release}: one SHA in every workflow`);
                pins.set(release, pin[2]);
            }
        }
        assert.equal(new Set([...pins.keys()].map((k) => k.split(" ")[0])).size, Object.keys(MAJORS).length);
    });

    it("the Pulumi CLI version is pinned exactly (.pulumi.version) and installed from it by the preview and the up", () => {
        assert.match(fs.readFileSync(path.join(root, ".pulumi.version"), "utf8"), /^\d+\.\d+\.\d+\n$/);
        for (const file of ["preview.yml", "up.yml"]) {
            const cli = steps(read(file).workflow).find((s) => s.uses?.startsWith("pulumi/actions@"));
            assert.deepEqual(cli?.with, { "pulumi-version-file": ".pulumi.version" }, file);
        }
    });

    it("checkout keeps no credentials; secrets only in the env of the steps that call Pulumi, never the job's or an install's", () => {
        const allowed: Record<string, string[]> = {
            "preview.yml": ["stack", "preview"],
            "up.yml": ["pulumi up"],
            "ci.yml": [],
        };
        for (const file of WORKFLOWS) {
            const { workflow } = read(file);
            assert.ok(!JSON.stringify(workflow.env ?? {}).includes("secrets."), `${file}: workflow env`);
            for (const [name, job] of Object.entries(workflow.jobs)) {
                assert.ok(!JSON.stringify(job.env ?? {}).includes("secrets."), `${file}: job ${name} env`);
                for (const step of job.steps) {
                    if (step.uses?.startsWith("actions/checkout@"))
                        assert.equal(step.with?.["persist-credentials"], false);
                    const withSecrets = JSON.stringify(step.env ?? {}).includes("secrets.");
                    const label = step.id ?? step.name ?? step.uses ?? "";
                    if (withSecrets)
                        assert.ok(
                            allowed[file].some((a) => label.startsWith(a)),
                            `${file}: "${label}" gets secrets`,
                        );
                    if (step.run?.includes("npm ci")) assert.equal(withSecrets, false);
                }
            }
            assert.ok(!/aws-access-key-id|aws-secret-access-key/.test(read(file).text), `${file}: no static AWS keys`);
        }
    });

    it("preview: no path filter (a required check would wait forever), forks and Dependabot skipped by a job that says so", () => {
        const { workflow } = read("preview.yml");
        assert.deepEqual(workflow.on, { pull_request: null });
        const condition =
            "github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]'";
        assert.equal(workflow.jobs.preview.if, condition);
        const skipped = workflow.jobs.skipped;
        assert.equal(
            skipped.if,
            "github.event.pull_request.head.repo.full_name != github.repository || github.actor == 'dependabot[bot]'",
        );
        assert.deepEqual(skipped.permissions, {});
        assert.match(skipped.steps[0].run ?? "", /::notice title=aurora-global preview skipped::/);
        assert.match(skipped.steps[0].run ?? "", />>"\$GITHUB_STEP_SUMMARY"/);
    });

    it("preview: the steps the comment names, in order; the preview's files; the comment built and posted always", () => {
        const job = read("preview.yml").workflow.jobs.preview;
        const ids = job.steps.map((s) => s.id).filter((id) => id !== undefined);
        assert.deepEqual(ids, [...Object.keys(SETUP_STEPS), PREVIEW_STEP]);
        const preview = job.steps.find((s) => s.id === PREVIEW_STEP)!;
        for (const file of [FILES.previewLog, FILES.previewExit, FILES.events])
            assert.ok(preview.run!.includes(`$dir/${file}`), file);
        assert.match(preview.run!, /pulumi preview --stack "\$STACK" --policy-pack policy [^]*--event-log/);
        const build = job.steps.find((s) => s.run?.includes("ci-comment/main.ts"))!;
        assert.equal(build.if, "always() && steps.install.outcome == 'success'");
        for (const id of Object.keys(SETUP_STEPS))
            assert.ok(build.run!.includes(`--step "${id}=\${{ steps.${id}.outcome }}"`), id);
        const post = job.steps[job.steps.length - 1];
        assert.equal(post.if, "always()");
        assert.ok(String(post.with?.script).includes(`const marker = "${COMMENT_MARKER}";`));
        assert.ok(!JSON.stringify(job.steps).includes("outputs.output"), "no step output carries the preview");
    });

    it("ci runs .ci/run; up runs on merge to main with OIDC (id-token) and never cancels a running up", () => {
        assert.ok(steps(read("ci.yml").workflow).some((s) => s.run === "bash .ci/run"));
        const up = read("up.yml").workflow;
        assert.deepEqual(up.on.push, { branches: ["main"] });
        assert.equal(up.jobs.up.permissions?.["id-token"], "write");
        assert.match(read("up.yml").text, /cancel-in-progress: false/);
        const aws = steps(up).find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"))!;
        assert.equal(aws.with?.["role-to-assume"], "${{ vars.AWS_UP_ROLE_ARN }}");
        assert.ok(steps(up).some((s) => /^pulumi up --yes --stack "\$STACK" --policy-pack policy /.test(s.run ?? "")));
    });
});
