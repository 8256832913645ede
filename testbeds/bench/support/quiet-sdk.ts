// Imported first by bench/run.ts: keeps the bench output free of the AWS SDK's Node 20 notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
