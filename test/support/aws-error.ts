import assert from "node:assert/strict";
import { RDSServiceException } from "@aws-sdk/client-rds";
import { assertNames } from "./meaning";

/**
 * What an AWS error must say: its exact text (a string: AWS's own words, which the simulator
 * reproduces with a source; assert it once per fault) or the identifiers and values it names
 * (`{ names }`: every other test of the same fault).
 */
export type AwsErrorText = string | { readonly names: readonly string[] };

/**
 * Awaits `promise`, asserting it rejects with an RDS service exception (a client fault, HTTP 400)
 * of exactly this name (the AWS error code) and `message`.
 */
export async function expectAwsError(
    promise: Promise<unknown>,
    name: string,
    message: AwsErrorText,
): Promise<RDSServiceException> {
    let error: unknown;
    try {
        await promise;
    } catch (e) {
        error = e;
    }
    assert.ok(error instanceof RDSServiceException, `expected an RDSServiceException ${name}, got ${String(error)}`);
    assert.equal(error.name, name);
    if (typeof message === "string") assert.equal(error.message, message);
    else assertNames(error.message, message.names);
    assert.equal(error.$fault, "client");
    assert.equal(error.$metadata.httpStatusCode, 400);
    return error;
}
