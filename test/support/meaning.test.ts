import * as assert from "node:assert/strict";
import { RDSServiceException } from "@aws-sdk/client-rds";
import { expectAwsError } from "./aws-error";
import { assertNames, expectBlocked, expectErrorLine, lineNaming, violationsIn } from "./meaning";

const PLAN = [
    "plan: something",
    "BLOCKED: 2 violations, nothing will be changed",
    '  [downgrade] secondary cluster "b" (eu-west-1) runs 17.5; 17.4 is older',
    "      fix: set engineVersion to 17.5 or newer",
    '  [blue-green-limits] primary cluster "a" (us-east-1): RDS Proxy "p" targets it',
    "      fix: deregister it (aws rds deregister-db-proxy-targets --db-proxy-name p)",
].join("\n");

const awsError = (name: string, message: string) =>
    new RDSServiceException({ name, message, $fault: "client", $metadata: { httpStatusCode: 400 } });

describe("test/support: the helpers that assert meaning fail when the meaning is wrong", () => {
    it("assertNames: every value, or the missing ones in the failure; an empty list is a mistake", () => {
        assertNames('cluster "a" (us-east-1)', ['"a"', "us-east-1"]);
        assert.throws(() => assertNames('cluster "a" (us-east-1)', ['"a"', "eu-west-1"]), /not named in/);
        assert.throws(() => assertNames(undefined, ["a"]), /no text/);
        assert.throws(() => assertNames("anything", []), /at least one/);
    });

    it("lineNaming and expectErrorLine: all values on one line, and the exit code", () => {
        assert.equal(lineNaming("a b\nc d", "c", "d"), "c d");
        assert.throws(() => lineNaming("a b\nc d", "a", "d"), /no line names all/);
        const run = { code: 2, stdout: "", stderr: 'aurora-global: --x "1" is not valid\n' };
        assert.equal(expectErrorLine(run, 2, '--x "1"'), 'aurora-global: --x "1" is not valid');
        assert.throws(() => expectErrorLine(run, 1, '--x "1"'), /exit code 2, expected 1/);
    });

    it("violationsIn and expectBlocked: the rules in order, the count as printed", () => {
        assert.deepEqual(
            violationsIn(PLAN).map((v) => [v.rule, v.message.split(" ")[0], v.fix.split(" ")[0]]),
            [
                ["downgrade", "secondary", "set"],
                ["blue-green-limits", "primary", "deregister"],
            ],
        );
        const run = (stderr: string) => ({ code: 2, stdout: PLAN, stderr });
        const blocked = "aurora-global: the plan is blocked (2 violations): nothing was changed\n";
        assert.equal(expectBlocked(run(blocked), "downgrade", "blue-green-limits").length, 2);
        assert.throws(() => expectBlocked(run(blocked), "blue-green-limits", "downgrade"));
        assert.throws(() =>
            expectBlocked(run(blocked.replace("2 violations", "1 violation")), "downgrade", "blue-green-limits"),
        );
        assert.throws(() => expectBlocked({ ...run(blocked), code: 1 }, "downgrade", "blue-green-limits"));
    });

    it("expectAwsError: the code, and AWS's exact text or the values it names", async () => {
        const refused = () => Promise.reject(awsError("InvalidDBClusterStateFault", "DB cluster a is not available."));
        await expectAwsError(refused(), "InvalidDBClusterStateFault", "DB cluster a is not available.");
        await expectAwsError(refused(), "InvalidDBClusterStateFault", { names: ["DB cluster a"] });
        await assert.rejects(expectAwsError(refused(), "InvalidDBClusterStateFault", { names: ["DB cluster b"] }));
        await assert.rejects(expectAwsError(refused(), "InvalidParameterValue", { names: ["DB cluster a"] }));
        await assert.rejects(expectAwsError(Promise.resolve(), "InvalidParameterValue", { names: ["a"] }));
    });
});
