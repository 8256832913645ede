import * as assert from "assert";
import { CreateDBClusterSnapshotCommand, CreateDBClusterParameterGroupCommand } from "@aws-sdk/client-rds";
import { IDENTIFIER_RULES, IdentifierKind, identifierProblem, resourceIdentifier } from "../../aws/identifiers";
import { deploymentName } from "../../orchestrator/blue-green/deployment";
import { messages } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { cli, MYSQL_SEED, simulate } from "./harness";

const KINDS = Object.keys(IDENTIFIER_RULES) as IdentifierKind[];

describe("identifiers aurora-global creates: one builder, AWS's limit per kind (SDK model)", () => {
    it("knows each kind's limit: snapshots 63, deployments 60, parameter groups 255", () => {
        assert.deepStrictEqual(Object.fromEntries(KINDS.map((k) => [k, IDENTIFIER_RULES[k].max])), {
            "cluster-snapshot": 63,
            "final-snapshot": 63,
            "blue-green-deployment": 60,
            "cluster-parameter-group": 255,
            "parameter-group": 255,
        });
    });

    for (const kind of KINDS) {
        const max = IDENTIFIER_RULES[kind].max;
        it(`${kind}: at the limit kept whole, one past it shortened to ${max} with a hash; valid for AWS and unique`, () => {
            const atLimit = `a${"b".repeat(max - 1)}`;
            assert.strictEqual(resourceIdentifier(kind, atLimit), atLimit);
            const over1 = resourceIdentifier(kind, `${atLimit}c`);
            const over2 = resourceIdentifier(kind, `${atLimit}d`);
            for (const id of [over1, over2]) {
                assert.strictEqual(id.length <= max, true, id);
                assert.strictEqual(identifierProblem(kind, id), undefined, id);
            }
            assert.notStrictEqual(over1, over2);
            assert.ok(over1.startsWith("abbb"), "readable head kept");
        });
    }

    it("the issue's snapshot: orders-platform-prod-ap-southeast-2-before-8-0-mysql-aurora-3-10-0 (66) becomes 63, valid", () => {
        const id = resourceIdentifier(
            "cluster-snapshot",
            "orders-platform-prod-ap-southeast-2",
            "before",
            "8.0.mysql_aurora.3.10.0",
        );
        assert.strictEqual(id.length, 63);
        assert.match(id, /^orders-platform-prod-ap-southeast-2-before-8-0-mysql-au-[a-z0-9]{7}$/);
        assert.strictEqual(identifierProblem("cluster-snapshot", id), undefined);
    });

    it("cleans what AWS refuses: uppercase, dots, double and trailing hyphens, a leading digit", () => {
        assert.strictEqual(
            resourceIdentifier("cluster-snapshot", "App_USE1", "before", "17.5"),
            "app-use1-before-17-5",
        );
        assert.strictEqual(resourceIdentifier("cluster-snapshot", "1db--x-"), "x-1db-x");
        assert.strictEqual(deploymentName("app-global", "17.5"), "ag-app-global-to-17-5");
    });

    it("identifierProblem names the parameter, the length and AWS's limit", () => {
        assert.match(
            identifierProblem("cluster-snapshot", "a".repeat(64))!,
            /DBClusterSnapshotIdentifier "a{64}" is 64 characters: AWS allows 1 to 63/,
        );
        assert.match(identifierProblem("cluster-snapshot", "a--b")!, /must start with a letter/);
    });
});

describe("simulator and CLI: AWS refuses identifiers past the limit; aurora-global never sends one", () => {
    it("the simulator refuses a 64-character snapshot identifier and a parameter group with a double hyphen", async () => {
        const sim = simulate(MYSQL_SEED);
        await expectAwsError(
            sim.clientFor("eu-west-1").send(
                new CreateDBClusterSnapshotCommand({
                    DBClusterSnapshotIdentifier: `s${"x".repeat(63)}`,
                    DBClusterIdentifier: "shop-euw1",
                }),
            ),
            "InvalidParameterValue",
            messages.invalidIdentifier("DBClusterSnapshotIdentifier", 63),
        );
        await expectAwsError(
            sim.clientFor("eu-west-1").send(
                new CreateDBClusterParameterGroupCommand({
                    DBClusterParameterGroupName: "shop--params",
                    DBParameterGroupFamily: "aurora-mysql8.0",
                    Description: "x",
                }),
            ),
            "InvalidParameterValue",
            messages.invalidIdentifier("DBClusterParameterGroupName", 255),
        );
    });

    it("a long primary identifier: the pre-upgrade snapshot is taken under a 63-character identifier", async () => {
        const long = "orders-platform-prod-ap-southeast-2";
        const [primary, ...rest] = MYSQL_SEED.members;
        const sim = simulate({ ...MYSQL_SEED, members: [{ ...primary, id: long }, ...rest] });
        const r = await cli(sim, [
            "upgrade",
            "--region",
            "eu-west-1",
            "--global-cluster",
            "shop-global",
            "--target",
            "8.0.mysql_aurora.3.08.2",
            "--only-snapshot",
        ]);
        assert.strictEqual(r.code, 0, r.stderr);
        const [call] = sim.callsOf("CreateDBClusterSnapshot");
        assert.strictEqual(call.error, undefined);
        assert.strictEqual(String(call.input.DBClusterSnapshotIdentifier).length <= 63, true);
    });
});
