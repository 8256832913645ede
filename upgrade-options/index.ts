/**
 * The upgrade options, one table and one parser for every caller: the CLI's flags, the
 * component's `upgrade` args, the stack config and the policy pack read the same values with the
 * same bounds and report a bad one the same way (`<field> <value> is not <expected>: <fix>`).
 * Imports only vocabulary/ and cli-contract/flags.ts.
 */
export * from "./table";
export * from "./parse";
