// Loaded by mocha before any test: keep test output free of the AWS SDK's Node 20 support notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
