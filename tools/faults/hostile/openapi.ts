import { callJson } from '../../load/http-client';

/** The part of an OpenAPI 3 schema object the probes use. */
export interface Schema {
  readonly type?: string;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: Schema;
}

export interface Operation {
  /** Base URL of the service that documents it. */
  readonly baseUrl: string;
  readonly method: string;
  /** The documented path, parameters in braces: /orders/{id}. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The JSON request body's schema, $refs resolved; undefined when it takes none. */
  readonly body: Schema | undefined;
  /** Documented as needing a bearer token. */
  readonly secured: boolean;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the service's OpenAPI document (GET /docs-json). */
export async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const { status, json } = await callJson('GET', `${baseUrl}/docs-json`);
  if (status !== 200) throw new Error(`${baseUrl}/docs-json answered ${status}`);
  const document = json as Document;
  const resolve = (schema: Schema | undefined, depth = 0): Schema | undefined => {
    if (!schema || depth > 8) return schema;
    if (schema.$ref)
      return resolve(document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], depth + 1);
    const merged = schema.allOf?.reduce<Schema>((all, part) => {
      const resolved = resolve(part, depth + 1) ?? {};
      return { ...all, ...resolved, properties: { ...all.properties, ...resolved.properties } };
    }, {});
    const base = merged ? { ...schema, ...merged } : schema;
    return {
      ...base,
      ...(base.properties
        ? {
            properties: Object.fromEntries(
              Object.entries(base.properties).map(([name, property]) => [
                name,
                resolve(property, depth + 1) ?? {},
              ]),
            ),
          }
        : {}),
      ...(base.items ? { items: resolve(base.items, depth + 1) } : {}),
    };
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        baseUrl,
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: resolve(operation.requestBody?.content?.['application/json']?.schema),
        secured: (operation.security ?? document.security ?? []).length > 0,
      })),
  );
}
