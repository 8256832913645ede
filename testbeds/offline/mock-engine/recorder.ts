import * as pulumi from "@pulumi/pulumi";

/** One resource registration as the engine received it. */
export interface RecordedResource {
    /** e.g. `aws:rds/cluster:Cluster`. */
    readonly type: string;
    readonly name: string;
    /** Filled in when the engine answers the registration. */
    urn: string;
    /** URN of the parent ("" for the stack itself). */
    readonly parent: string;
    /** True for resources managed by a provider; false for components and the stack. */
    readonly custom: boolean;
    /** URNs this resource waits for (`dependsOn`, expanded for components, plus input dependencies). */
    readonly dependencies: readonly string[];
    /** Input property name → URNs it depends on. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly ignoreChanges: readonly string[];
    /** Provider reference, "" for the default provider. */
    readonly provider: string;
    /** The per-resource `region` input, when set. */
    readonly region?: string;
    /** The inputs as sent (secrets as `{ secret: true, value }` markers, see {@link isSecretValue}). */
    readonly inputs: Record<string, unknown>;
    readonly protect: boolean;
    readonly deleteBeforeReplace: boolean;
    readonly retainOnDelete: boolean;
}

/** One read of an existing resource (`StackReference`, `.get()`) as the engine received it. */
export interface RecordedRead {
    readonly type: string;
    readonly name: string;
    /** The id read (a StackReference's: `organization/project/stack`). */
    readonly id: string;
    /** Filled in when the engine answers the read. */
    urn: string;
    readonly parent: string;
    readonly dependencies: readonly string[];
    readonly inputs: Record<string, unknown>;
}

/** The signature Pulumi puts on secret values in RPC payloads. */
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** True for a value the engine receives as a secret. */
export function isSecretValue(value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Registered outputs of a resource, by URN, as the engine received them (secrets still marked). */
export type RecordedOutputs = ReadonlyMap<string, Record<string, unknown>>;

// The generated gRPC request types are not part of the SDK's public typings.
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
    getIgnorechangesList(): string[];
    getProvider(): string;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getProtect(): boolean;
    getDeletebeforereplace(): boolean;
    getRetainondelete(): boolean;
}
interface ReadRequest {
    getType(): string;
    getName(): string;
    getId(): string;
    getParent(): string;
    getDependenciesList(): string[];
    getProperties(): { toJavaScript(): Record<string, unknown> } | undefined;
}
interface OutputsRequest {
    getUrn(): string;
    getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined;
}
type Callback = (err: unknown, response: { getUrn?(): string } | undefined) => void;
interface MonitorLike {
    registerResource(req: RegisterRequest, cb: Callback): unknown;
    registerResourceOutputs(req: OutputsRequest, cb: Callback): unknown;
    readResource(req: ReadRequest, cb: Callback): unknown;
}

/**
 * Wraps the mock monitor (`pulumi.runtime.getMonitor()`) so every registration is recorded with
 * what mocks never see: parent, dependencies, ignoreChanges, provider. Reads of existing
 * resources (`StackReference`s) are recorded apart, in `reads`. Call right after `setMocks`;
 * each `setMocks` creates a fresh monitor, so records never leak between runs.
 */
export function recordRegistrations(): {
    resources: RecordedResource[];
    outputs: RecordedOutputs;
    reads: RecordedRead[];
} {
    const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike | undefined;
    if (!monitor) throw new Error("no Pulumi monitor: call pulumi.runtime.setMocks before recordRegistrations");
    const resources: RecordedResource[] = [];
    const outputs = new Map<string, Record<string, unknown>>();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        const inputs = req.getObject()?.toJavaScript() ?? {};
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((v, k) => (propertyDependencies[k] = v.getUrnsList()));
        const record: RecordedResource = {
            type: req.getType(),
            name: req.getName(),
            urn: "",
            parent: req.getParent(),
            custom: req.getCustom(),
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            ignoreChanges: req.getIgnorechangesList(),
            provider: req.getProvider(),
            ...(typeof inputs.region === "string" ? { region: inputs.region } : {}),
            inputs,
            protect: req.getProtect(),
            deleteBeforeReplace: req.getDeletebeforereplace(),
            retainOnDelete: req.getRetainondelete(),
        };
        resources.push(record);
        return register(req, (err, response) => {
            if (response?.getUrn) record.urn = response.getUrn();
            cb(err, response);
        });
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        outputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        return registerOutputs(req, cb);
    };
    const reads: RecordedRead[] = [];
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req, cb) => {
        const record: RecordedRead = {
            type: req.getType(),
            name: req.getName(),
            id: req.getId(),
            urn: "",
            parent: req.getParent(),
            dependencies: req.getDependenciesList(),
            inputs: req.getProperties()?.toJavaScript() ?? {},
        };
        reads.push(record);
        return read(req, (err, response) => {
            if (response?.getUrn) record.urn = response.getUrn();
            cb(err, response);
        });
    };
    return { resources, outputs, reads };
}
