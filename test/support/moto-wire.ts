import { RDSClient } from "@aws-sdk/client-rds";
import { main } from "../../orchestrator/cli";
import { MotoServer, startMotoServer } from "./moto-server";

/** What a wire-tier test file drives: moto_server on loopback, SDK clients to it, the CLI in-process. */
export interface MotoWire {
    /** Starts moto and points the CLI's clients at it (AWS_ENDPOINT_URL, test credentials). */
    start(): Promise<void>;
    /** Restores the environment and stops moto. */
    stop(): Promise<void>;
    client(region: string): RDSClient;
    run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** The wire tier's set-up, one place for every file of test/wire/. */
export function motoWire(): MotoWire {
    let moto: MotoServer | undefined;
    const saved: Record<string, string | undefined> = {};
    const env = (name: string, value: string) => {
        if (!(name in saved)) saved[name] = process.env[name];
        process.env[name] = value;
    };
    return {
        async start() {
            moto = await startMotoServer();
            env("AWS_ENDPOINT_URL", moto.url);
            env("AWS_ACCESS_KEY_ID", "testing");
            env("AWS_SECRET_ACCESS_KEY", "testing");
        },
        async stop() {
            for (const [name, value] of Object.entries(saved)) {
                if (value === undefined) delete process.env[name];
                else process.env[name] = value;
            }
            await moto?.stop();
        },
        client(region) {
            if (!moto) throw new Error("motoWire: start() first");
            return new RDSClient({
                region,
                endpoint: moto.url,
                credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
            });
        },
        async run(argv) {
            let stdout = "";
            let stderr = "";
            const code = await main(argv, {
                random: () => 0,
                stdout: (t) => (stdout += t),
                stderr: (t) => (stderr += t),
            });
            return { code, stdout, stderr };
        },
    };
}
