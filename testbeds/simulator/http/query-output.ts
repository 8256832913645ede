import * as rds from "@aws-sdk/client-rds";
import { XmlShapeSerializer } from "@aws-sdk/core/protocols";
import { NormalizedSchema } from "@smithy/core/schema";
import type { Schema, StaticOperationSchema } from "@smithy/types";

/** RDS's query-protocol API version and XML namespace (the SDK model's `@awsQuery` service, 2014-10-31). */
export const RDS_API_VERSION = "2014-10-31";
const XMLNS = `http://rds.amazonaws.com/doc/${RDS_API_VERSION}/`;

/** The SDK's static schema of one RDS operation (`DescribeDBClusters$`), or undefined for an unknown action. */
export function operationSchema(action: string): StaticOperationSchema | undefined {
    const schema = (rds as unknown as Record<string, unknown>)[`${action}$`];
    return Array.isArray(schema) && schema[0] === 9 ? (schema as unknown as StaticOperationSchema) : undefined;
}

/** An operation's input and output schemas (`[9, ns, name, traits, input, output]`). */
export function ioSchemas(op: StaticOperationSchema): { input: Schema; output: Schema } {
    return { input: op[4] as Schema, output: op[5] as Schema };
}

/**
 * `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`:
 * the output written by the SDK's own `XmlShapeSerializer` from the output schema (member and list item
 * names from the model's `xmlName` traits), under the awsQuery result wrapper the SDK's deserializer reads.
 */
export function resultXml(action: string, output: Schema, value: object, requestId: string): string {
    const ns = NormalizedSchema.of(output);
    let result = `<${action}Result/>`;
    if (ns.isStructSchema() && ns.getMemberSchemas() && Object.keys(ns.getMemberSchemas()).length > 0) {
        const serializer = new XmlShapeSerializer({
            xmlNamespace: "",
            serviceNamespace: "",
            timestampFormat: { default: 5, useTrait: true },
        });
        const node = (serializer as unknown as XmlWriter).writeStruct(ns, value, undefined);
        result = node.withName(`${action}Result`).toString();
    }
    return (
        `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${XMLNS}">${result}` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
    );
}

interface XmlWriter {
    writeStruct(
        ns: NormalizedSchema,
        value: unknown,
        xmlns: undefined,
    ): { withName(name: string): { toString(): string } };
}

/** An RDS error as the query protocol answers it: the model's `awsQueryError` code and HTTP status when it has one. */
export function errorXml(error: Error & { $metadata?: { httpStatusCode?: number } }, requestId: string) {
    const schema = (rds as unknown as Record<string, unknown>)[`${error.name}$`];
    const traits = Array.isArray(schema) ? (schema[3] as { awsQueryError?: [string, number]; error?: string }) : {};
    const [code, status] = traits.awsQueryError ?? [error.name, error.$metadata?.httpStatusCode ?? 400];
    const type = status >= 500 ? "Receiver" : "Sender";
    const body =
        `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type>` +
        `<Code>${escapeXml(code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
        `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status, body };
}

export function escapeXml(text: string): string {
    return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
