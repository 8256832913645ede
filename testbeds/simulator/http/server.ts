import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { SimulatedRds } from "../simulated-rds";
import { errorXml, ioSchemas, operationSchema, resultXml } from "./query-output";
import { queryInput } from "./query-input";
import { inspectionAnswer, INSPECTION_PREFIX } from "./inspection";

export interface RdsHttpServerOptions {
    readonly sim: SimulatedRds;
    /** Loopback port; 0 (default) picks a free one. */
    readonly port?: number;
    /** Virtual milliseconds per real millisecond between requests (the simulated clock's pace). Default 1. */
    readonly speed?: number;
    /** Region of a request without a SigV4 credential scope. Default us-east-1. */
    readonly defaultRegion?: string;
}

export interface RdsHttpServer {
    /** `http://127.0.0.1:PORT`, what `AWS_ENDPOINT_URL` takes. */
    readonly url: string;
    readonly port: number;
    close(): Promise<void>;
}

/**
 * The simulated control plane served over HTTP with RDS's query protocol on loopback, so any AWS SDK
 * or CLI given `AWS_ENDPOINT_URL=<url>` reaches it: a form-encoded POST (`Action`, `Version`, the
 * input) answered with RDS's XML. The region comes from the request's SigV4 credential scope
 * (`Credential=AKID/DATE/REGION/rds/aws4_request`); signatures are not checked.
 */
export async function startRdsHttpServer(options: RdsHttpServerOptions): Promise<RdsHttpServer> {
    const pace = clockPace(options.sim, options.speed ?? 1);
    const server = createServer((req, res) => {
        void handle(options, pace, req, res).catch((e: Error) => send(res, 500, "text/plain", String(e.stack ?? e)));
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, "127.0.0.1", resolve);
    });
    const port = (server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
}

/** Moves the simulated clock by the real time elapsed since the last request, times `speed`. */
function clockPace(sim: SimulatedRds, speed: number): () => Promise<void> {
    let last = Date.now();
    return async () => {
        const now = Date.now();
        const elapsed = (now - last) * speed;
        last = now;
        if (elapsed > 0) await sim.clock.advance(elapsed);
    };
}

async function handle(
    options: RdsHttpServerOptions,
    pace: () => Promise<void>,
    req: IncomingMessage,
    res: ServerResponse,
) {
    await pace();
    const body = await readBody(req);
    if (req.url?.startsWith(INSPECTION_PREFIX)) {
        const answer = inspectionAnswer(options.sim, req.url, body);
        return send(res, answer.status, "application/json", JSON.stringify(answer.body));
    }
    const params = new URLSearchParams(req.method === "POST" ? body : (req.url ?? "").replace(/^[^?]*\??/, ""));
    const action = params.get("Action") ?? "";
    const requestId = `sim-http-${++requests}`;
    const op = operationSchema(action);
    if (!op) {
        const err = Object.assign(
            new Error(`Could not find operation ${action} for version ${params.get("Version")}`),
            {
                name: "InvalidAction",
            },
        );
        const { status, body: xml } = errorXml(err, requestId);
        return send(res, status, "text/xml", xml);
    }
    const { input, output } = ioSchemas(op);
    const region = regionOf(req) ?? options.defaultRegion ?? "us-east-1";
    try {
        const answer = await options.sim.dispatch(region, action, queryInput(input, params));
        send(res, 200, "text/xml", resultXml(action, output, answer, requestId));
    } catch (e) {
        const { status, body: xml } = errorXml(e as Error, requestId);
        send(res, status, "text/xml", xml);
    }
}

let requests = 0;

/** The region of a SigV4-signed request's credential scope. */
export function regionOf(req: IncomingMessage): string | undefined {
    const auth = req.headers.authorization ?? "";
    return /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(auth)?.[1];
}

function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
    res.end(body);
}
