import * as assert from "node:assert/strict";
import { assertMeanings, assertMeans, assertSomeMeans, names, said } from "./assert-means";

describe("test support: meaning (rule id, member or field, key values)", () => {
    it("reads every rendering of a violation back into rule, message and fix", () => {
        assert.deepEqual(said("upgrade blocked [downgrade]: app-use1 runs 17.4. Fix: set 17.4"), {
            rule: "downgrade",
            message: "upgrade blocked [downgrade]: app-use1 runs 17.4.",
            fix: "set 17.4",
        });
        assert.deepEqual(said('global database "g": 18.1 is major. Fix: opt in. [rule major-without-opt-in]'), {
            rule: "major-without-opt-in",
            message: 'global database "g": 18.1 is major.',
            fix: "opt in. [rule major-without-opt-in]",
        });
        assert.deepEqual(said('  - [boolean] upgrade.keepCompletedSteps "yes" is not a boolean'), {
            rule: "boolean",
            message: '  - [boolean] upgrade.keepCompletedSteps "yes" is not a boolean',
        });
        assert.deepEqual(said("downgrade: runs 17.4 | set 17.4"), {
            rule: "downgrade",
            message: "downgrade: runs 17.4",
            fix: "set 17.4",
        });
        assert.equal(said("a note without a rule").rule, undefined);
    });

    it("names a value only as a whole token", () => {
        assert.ok(names("runs 17.4; 16.6 is older", "17.4"));
        assert.ok(names("set engineVersion to 17.4.", "17.4"), "a sentence's full stop ends the token");
        assert.ok(names('cluster "app-use1" (us-east-1)', "us-east-1"));
        assert.equal(names("runs 17.4.6", "17.4"), false);
        assert.equal(names("runs 117.4", "17.4"), false);
        assert.equal(names("app-use1-1", "app-use1"), false);
        assert.equal(names("17x4", "17.4"), false, "a dot in the value is a dot, not any character");
    });

    it("fails on another rule, another member, a missing value, a missing fix value, or a count that differs", () => {
        const v = {
            rule: "downgrade",
            message: "app-use1 (us-east-1) runs 17.4",
            fix: "set 17.4",
            cluster: "app-use1",
        };
        assertMeans(v, { rule: "downgrade", about: "app-use1", says: ["us-east-1", "17.4"], fix: ["17.4"] });
        assert.throws(() => assertMeans(v, { rule: "engine-change" }));
        assert.throws(() => assertMeans(v, { about: "app-apne1" }));
        assert.throws(() => assertMeans(v, { says: ["17.5"] }));
        assert.throws(() => assertMeans(v, { fix: ["us-east-1"] }));
        assert.throws(() => assertMeanings([v, v], [{ rule: "downgrade" }]));
        assert.throws(() => assertMeanings([v], [{ rule: "downgrade" }, { rule: "downgrade" }]));
        assert.throws(() => assertMeanings([], [{ rule: "downgrade" }]));
    });

    it("takes the member from the cluster or path field first, else from the message", () => {
        assertMeans({ message: "x", path: "upgrade.strategy" }, { about: "upgrade.strategy" });
        assert.throws(() =>
            assertMeans({ message: "upgrade.strategy", path: "engineVersion" }, { about: "upgrade.strategy" }),
        );
        assertMeans('cluster "app-apne1" has no instance', { about: "app-apne1" });
    });

    it("finds one line among many, and fails naming them when none means it", () => {
        const notes = ["no snapshot before the upgrade", "pending maintenance actions exist"];
        assertSomeMeans(notes, { says: ["pending maintenance"] });
        assert.throws(() => assertSomeMeans(notes, { says: ["system-update"] }), /pending maintenance actions exist/);
        assert.throws(() => assertSomeMeans([], { says: ["anything"] }));
    });
});
