type In = Record<string, unknown>;

/** One resource type's CRUD, with the calls of the Terraform resource pulumi-aws bridges. */
export interface ResourceHandler {
    create(inputs: In): Promise<{ id: string; outs: In }>;
    /** The live state, or undefined when the resource is gone (refresh drops it). */
    read(id: string, state: In): Promise<In | undefined>;
    update(id: string, olds: In, news: In): Promise<In>;
    delete(id: string, state: In): Promise<void>;
}

/** An AWS "…NotFound…" error (the resource is gone). */
export const notFound = (e: unknown): boolean => /NotFound/.test((e as Error).name);
