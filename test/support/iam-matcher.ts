import { IamPolicyDocument } from "../../orchestrator/iam-policy";

/**
 * A small IAM evaluator for tests: Allow statements only, actions and resource ARNs with IAM's
 * wildcards (`*` any run of characters, `?` one character, in any segment). Conditions are not
 * evaluated (a statement with a Condition counts as allowing; the tests check conditions apart).
 */
export function wildcardMatches(pattern: string, value: string): boolean {
    const re = new RegExp(
        "^" +
            pattern
                .split("")
                .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&")))
                .join("") +
            "$",
    );
    return re.test(value);
}

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** The Sids of the statements that allow `action` on `resource`. */
export function allowingStatements(doc: IamPolicyDocument, action: string, resource: string): string[] {
    return doc.Statement.filter(
        (s) =>
            s.Effect === "Allow" &&
            s.Action.some((a) => wildcardMatches(a, action)) &&
            list(s.Resource).some((r) => wildcardMatches(r, resource)),
    ).map((s) => s.Sid);
}
