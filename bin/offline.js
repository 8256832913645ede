#!/usr/bin/env node
// `npm run offline`: the product end to end with no cloud account and no Pulumi CLI.

// The SDK prints a notice about Node versions on load; the offline run has no use for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

// The policy pack imports `aurora-global/...`: here, the sources under test.
require("../testbeds/support/source-alias");

require("./run-entry")(require("path").join(__dirname, "..", "testbeds", "offline", "main"), "offline", {
    stack: true,
    source: true,
    // Each TypeScript file compiled once and cached (node_modules/.cache/aurora-global/transpiled/).
    registerTypeScript: require("../testbeds/support/transpile-cache").register,
});
