import * as assert from "node:assert/strict";
import { endOfSupportFacts, MajorLifecycle, planUpgrade, renderPlan, toPlanJson, vcpusOf } from "../../planner";
import { member, pgInput } from "./fixtures";
import { assertMeans } from "../support/assert-means";

/** Aurora PostgreSQL release calendar (aurorapostgresql-release-calendar): 11 and 17. */
const PG: Record<string, MajorLifecycle> = {
    "11": { major: "11", standardSupportEnds: "2024-02-29", extendedSupportEnds: "2027-03-31" },
    "17": { major: "17", standardSupportEnds: "2030-02-28", extendedSupportEnds: "2033-02-28" },
};
const at = (iso: string) => Date.parse(iso);

describe("planner: end of support (DescribeDBMajorEngineVersions dates)", () => {
    it("vCPUs by instance class, one table", () => {
        assert.equal(vcpusOf("db.r6g.large"), 2);
        assert.equal(vcpusOf("db.r7g.4xlarge"), 16);
        assert.equal(vcpusOf("db.t4g.medium"), 2);
        assert.equal(vcpusOf("db.serverless"), undefined);
    });

    it("before the end of standard support: dates, no charge", () => {
        const f = endOfSupportFacts({
            engine: "aurora-postgresql",
            version: "17.4",
            lifecycles: PG,
            instanceClasses: ["db.r6g.large"],
            now: at("2026-12-07T00:00:00Z"),
        });
        assert.deepEqual(f, {
            engine: "aurora-postgresql",
            major: "17",
            standardSupportEnds: "2030-02-28",
            extendedSupportEnds: "2033-02-28",
            pastStandardSupport: false,
            pastExtendedSupport: false,
        });
    });

    it("the last day of standard support is not past it; the day after is (and is charged)", () => {
        const input = {
            engine: "aurora-postgresql" as const,
            version: "11.21",
            lifecycles: PG,
            instanceClasses: ["db.r6g.xlarge"],
        };
        assert.equal(endOfSupportFacts({ ...input, now: at("2024-02-29T12:00:00Z") })?.pastStandardSupport, false);
        const day1 = endOfSupportFacts({ ...input, now: at("2024-03-01T00:00:00Z") });
        assert.equal(day1?.pastStandardSupport, true);
        assert.deepEqual(day1?.charge, {
            vcpus: 4,
            usdPerVcpuHour: 0.1,
            year: 1,
            usdPerMonth: 292,
            unknownClasses: [],
        });
    });

    it("year 3 doubles the rate; unknown classes are named, not counted", () => {
        const f = endOfSupportFacts({
            engine: "aurora-postgresql",
            version: "11.21",
            lifecycles: PG,
            instanceClasses: ["db.r6g.large", "db.r6g.large", "db.serverless"],
            now: at("2026-12-07T00:00:00Z"),
        });
        assert.equal(f?.charge?.year, 3);
        assert.equal(f?.charge?.usdPerVcpuHour, 0.2);
        assert.equal(f?.charge?.usdPerMonth, 584);
        assert.deepEqual(f?.charge?.unknownClasses, ["db.serverless"]);
    });

    it("no dates for the major: no facts", () => {
        assert.equal(
            endOfSupportFacts({ engine: "aurora-postgresql", version: "16.6", lifecycles: PG, now: 0 }),
            undefined,
        );
    });

    it("the plan states them; past standard support it warns with the monthly charge", () => {
        const input = pgInput("11.21", {
            globalCurrentVersion: "11.21",
            members: [
                member("app-use1", "us-east-1", "primary", "11.21", {
                    instanceClasses: ["db.r6g.large", "db.r6g.large"],
                }),
                member("app-apne1", "ap-northeast-1", "secondary", "11.21", { instanceClasses: ["db.r6g.large"] }),
            ],
            lifecycles: PG,
            now: at("2026-12-07T00:00:00Z"),
        });
        const plan = planUpgrade(input);
        assert.equal(plan.endOfSupport?.pastStandardSupport, true);
        assert.equal(plan.endOfSupport?.charge?.vcpus, 6);
        assertMeans(plan.warnings?.[0] ?? "", { says: ["standard support", "2024-02-29", "$876.00 per month"] });
        assert.match(renderPlan(plan, "text"), /support: Aurora PostgreSQL 11: past the end of standard support/);
        assert.equal(toPlanJson(plan).endOfSupport?.standardSupportEnds, "2024-02-29");
        const current = planUpgrade({ ...pgInput("17.5"), lifecycles: PG, now: at("2026-12-07T00:00:00Z") });
        assert.equal(current.endOfSupport?.standardSupportEnds, "2030-02-28");
        assert.equal(current.warnings, undefined);
    });
});
