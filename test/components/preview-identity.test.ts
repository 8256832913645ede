import * as assert from "assert";
import { AuroraGlobalDatabase } from "../../components";
import { UPGRADE_STEPS_OUTPUT } from "../../components/steps/kept-steps";
import { AwsIdentity } from "../../cli-contract";
import { runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { simulatorFor } from "../../testbeds/offline/mock-engine/simulated-state";
import { ofType, pgArgs, PRIMARY, runningPg, SECONDARY, T } from "./fixtures";
import { assertMeans } from "../support/assert-means";

const ROLE = "arn:aws:iam::210987654321:role/aurora-upgrader";
const ARGS = pgArgs({ engineVersion: "17.5", upgrade: { strategy: "rolling" } });

/**
 * Two accounts: the database lives in the one reached through the assumed role; the caller's own
 * account (any other identity) has none. The preview reads as the identity the steps act as.
 */
function accounts(seen: AwsIdentity[]) {
    const withDatabase = simulatorFor(runningPg("17.4", [PRIMARY, SECONDARY]));
    const callersOwn = simulatorFor({});
    return (identity: AwsIdentity) => {
        seen.push(identity);
        return identity.roleArn === ROLE ? withDatabase : callersOwn;
    };
}

function preview(config: Record<string, unknown>, seen: AwsIdentity[], previousStackOutputs?: Record<string, unknown>) {
    return runProgramUnderMocks({
        program: () => {
            const db = new AuroraGlobalDatabase("db", ARGS);
            return { plan: db.plan, [UPGRADE_STEPS_OUTPUT]: db.upgradeStepsRecord };
        },
        currentState: previousStackOutputs ? { previousStackOutputs } : {},
        awsForIdentity: accounts(seen),
        config,
    });
}

describe("components: the preview reads as the stack's identity (the steps' identity), never its own", function () {
    this.timeout(60_000);

    it("aws:assumeRoles: the preview reads the role's account, finds the database at 17.4 and declares the upgrade steps", async () => {
        const seen: AwsIdentity[] = [];
        const r = await preview({ "aws:assumeRoles": [{ roleArn: ROLE, sessionName: "upgrades" }] }, seen);
        assert.ok(seen.length > 0);
        assert.ok(
            seen.every((i) => i.roleArn === ROLE && i.roleSessionName === "upgrades"),
            JSON.stringify(seen),
        );
        const commands = ofType(r, T.command).map((c) => String(c.inputs.create));
        assert.strictEqual(commands.length, 3, "snapshot, secondary, primary");
        assert.ok(commands.every((c) => c.includes(`--role-arn ${ROLE}`)));
    });

    it("aws:profile and aws:endpoints reach the reads as they reach the steps", async () => {
        const seen: AwsIdentity[] = [];
        await preview(
            { "aws:profile": "prod", "aws:endpoints": [{ rds: "https://rds.vpce.example.com" }] },
            seen,
        ).catch(() => undefined);
        assert.deepStrictEqual(seen[0], { profile: "prod", endpointUrl: "https://rds.vpce.example.com" });
    });

    it("a read that finds no global cluster where the stack's last update recorded one is an error, never a new database", async () => {
        const seen: AwsIdentity[] = [];
        const first = await preview({ "aws:assumeRoles": [{ roleArn: ROLE }] }, seen);
        const previousStackOutputs = { [UPGRADE_STEPS_OUTPUT]: first.outputs[UPGRADE_STEPS_OUTPUT] };
        // The same stack, previewed as the caller's own account (the role left out of the config).
        await assert.rejects(preview({}, seen, previousStackOutputs), (e: Error) => {
            assertMeans(e.message, {
                says: ['"app"', "not found", "us-east-1", "default credential chain", "last update recorded it"],
                fix: ["aws:profile", "aws:assumeRoles", "aws:endpoints", "upgrade.identity"],
            });
            return true;
        });
    });
});
