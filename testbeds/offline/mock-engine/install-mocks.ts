import * as pulumi from "@pulumi/pulumi";
import { answerCall, answerNewResource, CurrentState } from "./current-state";
import { createInControlPlane, CreatingControlPlane } from "./create-in-simulator";
import { ProjectFile } from "./project-config";

/** What the mocks take of a run's options (run.ts `RunOptions`, which passes itself). */
export interface MockOptions {
    readonly preview?: boolean;
    readonly controlPlane?: CreatingControlPlane;
    /** Given when the run checks its stack config as the Pulumi CLI does: the AWS provider then needs a region. */
    readonly projectFile?: ProjectFile;
    readonly environment?: Readonly<Record<string, string>>;
}

/** What the mocks of one run answer from and record into. */
export interface MockSetup {
    readonly project: string;
    readonly stack: string;
    readonly organization: string;
    readonly config: Readonly<Record<string, unknown>>;
    readonly state: CurrentState;
    readonly calls: pulumi.runtime.MockCallArgs[];
    /** Refusals of the provider (or of AWS, through the control plane): the run fails with the first. */
    readonly providerErrors: Error[];
}

/** `setMocks` for one run: registrations answered from the current state (and created in the control plane), invokes recorded. */
export async function installMocks(options: MockOptions, m: MockSetup): Promise<void> {
    await pulumi.runtime.setMocks(
        {
            newResource: async (args) => {
                if (options.controlPlane && !(options.preview ?? true)) {
                    const refusedByAws = await createInControlPlane(options.controlPlane, args);
                    if (refusedByAws) m.providerErrors.push(refusedByAws);
                }
                // Failing the registration itself leaves the SDK's outputs pending forever under
                // mocks: the run records the provider's error and fails with it at the end.
                const refused = options.projectFile && awsRegionMissing(args, m.config, options.environment ?? {});
                if (refused) m.providerErrors.push(refused);
                return answerNewResource(m.state, args, `${m.organization}/${m.project}/${m.stack}`);
            },
            call: (args) => {
                m.calls.push(args);
                return answerCall(m.state, args);
            },
        },
        m.project,
        m.stack,
        options.preview ?? true,
        m.organization,
    );
}

/**
 * The AWS provider's default provider needs a region at Configure, before any resource of it is
 * created: `aws:region` in the stack config, `AWS_REGION`/`AWS_DEFAULT_REGION`, or a profile.
 * Without one, every `aws:` resource under the default provider fails with the provider's message
 * (quoted in pulumi/pulumi-aws-native#220 and pulumi/pulumi#8837; the check is pulumi-aws
 * `preConfigureCallback`, pulumi/pulumi-aws#2088). A per-resource `region` input does not help:
 * the provider is configured first. Explicit providers (`aws:` resources with a provider) are not
 * checked here.
 */
export const MISSING_AWS_REGION =
    'missing required configuration key "aws:region": The region where AWS operations will take place. Examples are us-east-1, us-west-2, etc.\n    Set a value using the command `pulumi config set aws:region <value>`.';

function awsRegionMissing(
    args: pulumi.runtime.MockResourceArgs,
    config: Readonly<Record<string, unknown>>,
    env: Readonly<Record<string, string>>,
): Error | undefined {
    if (!args.type.startsWith("aws:") || args.provider) return undefined;
    if (config["aws:region"] || env.AWS_REGION || env.AWS_DEFAULT_REGION) return undefined;
    return new Error(`${args.type} (${args.name}): ${MISSING_AWS_REGION}`);
}
