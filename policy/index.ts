import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// The CrossGuard pack: `pulumi preview --policy-pack policy` runs it (see README.md).
new PolicyPack("aurora-global", {
    policies,
    description:
        "Safe engine-version changes for Amazon Aurora global databases: one version across members, no self-upgrading members, secondaries before the primary, every change the upgrade planner blocks, secure defaults.",
    displayName: "Aurora global database upgrades",
    provider: "aws",
    tags: ["aws", "rds", "aurora", "global-database", "upgrades"],
});
