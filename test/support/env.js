// Loaded by mocha before any test: keep test output free of the AWS SDK's Node 20 support notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// Spawned CLIs run the TypeScript under test, never a dist/ left from an earlier build.
process.env.AURORA_GLOBAL_FROM_SOURCE = "1";
