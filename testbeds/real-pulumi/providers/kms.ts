import { createHash } from "node:crypto";
import { ResourceHandler } from "./resource-handler";

const ACCOUNT_ID = "123456789012";

/**
 * aws:kms/key:Key and aws:kms/alias:Alias without a KMS service: the simulated RDS accepts any
 * KmsKeyId of the member's region (testbeds/simulator/commands/create.ts), so a key here is its
 * ARN, derived from the URN-stable inputs, and its state lives only in the stack (terraform-provider-aws
 * internal/service/kms/key.go outputs `arn`, `keyId`; alias.go `arn`, `targetKeyArn`).
 */
export const kmsKey: ResourceHandler = {
    async create(i) {
        const region = String(i.region ?? process.env.AWS_REGION ?? "us-east-1");
        const keyId = uuidFrom(`${region}/${String(i.description ?? "")}/${Date.now()}`);
        return {
            id: keyId,
            outs: { ...i, keyId, arn: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${keyId}`, tagsAll: i.tags ?? {} },
        };
    },
    read: async (_id, state) => state,
    update: async (_id, olds, news) => ({ ...olds, ...news }),
    delete: async () => undefined,
};

export const kmsAlias: ResourceHandler = {
    async create(i) {
        const region = String(i.region ?? process.env.AWS_REGION ?? "us-east-1");
        const name = String(i.name);
        const targetKeyArn = `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${String(i.targetKeyId)}`;
        return { id: name, outs: { ...i, arn: `arn:aws:kms:${region}:${ACCOUNT_ID}:${name}`, targetKeyArn } };
    },
    read: async (_id, state) => state,
    update: async (_id, olds, news) => ({ ...olds, ...news }),
    delete: async () => undefined,
};

function uuidFrom(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
