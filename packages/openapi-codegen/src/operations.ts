/** The HTTP methods a Waybill API uses. */
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** An HTTP method of an operation. */
export type HttpMethod = (typeof METHODS)[number];

/** One operation of a spec, as the generators need it. */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/rollouts/{id}`. */
  path: string;
  summary?: string;
  pathParams: string[];
  queryParams: string[];
  /**
   * The query parameters that are lists sent as one comma-separated value (`style: form`,
   * `explode: false`); other lists are sent as the parameter repeated (`explode: true`, the
   * default).
   */
  commaSeparatedQueryParams: string[];
  /**
   * The query parameters whose schema gives a default: the validating router fills it in, so
   * the handler always has them.
   */
  defaultedQueryParams: string[];
  /** The request body: whether it must be sent, and whether it is JSON (else raw, typed by the caller). */
  body?: { required: boolean; json: boolean };
  /** Whether the first 2xx answer is JSON; otherwise the client hands back the Response. */
  jsonResponse: boolean;
}

/** The subset of an OpenAPI 3 document the generators read. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: {
    parameters?: Record<string, unknown>;
    schemas?: Record<string, unknown>;
  };
}

interface Parameter {
  name: string;
  in: string;
  style?: string;
  explode?: boolean;
  schema?: { type?: string; $ref?: string; default?: unknown };
}

function resolveParameter(doc: OpenApiDocument, raw: unknown): Parameter {
  const ref = (raw as { $ref?: string }).$ref;
  if (!ref) return raw as Parameter;
  const name = ref.replace('#/components/parameters/', '');
  const resolved = doc.components?.parameters?.[name];
  if (!resolved) throw new Error(`Unresolved parameter ${ref}`);
  return resolved as Parameter;
}

/** A parameter's schema: itself, or the component it names. */
function schemaOf(
  doc: OpenApiDocument,
  parameter: Parameter,
): { type?: string; default?: unknown } | undefined {
  const ref = parameter.schema?.$ref;
  return ref
    ? (doc.components?.schemas?.[ref.replace('#/components/schemas/', '')] as
        | { type?: string; default?: unknown }
        | undefined)
    : parameter.schema;
}

/** Whether a parameter's schema is an array. */
function isList(doc: OpenApiDocument, parameter: Parameter): boolean {
  return schemaOf(doc, parameter)?.type === 'array';
}

/**
 * Whether a list in the query is sent comma-separated (`explode: false`) rather than repeated.
 * Only `style: form`, the query's default, is supported: the client sends no other.
 */
function isCommaSeparated(
  doc: OpenApiDocument,
  parameter: Parameter,
  where: string,
): boolean {
  if (parameter.in !== 'query' || !isList(doc, parameter)) return false;
  if ((parameter.style ?? 'form') !== 'form') {
    throw new Error(
      `${where}: query parameter ${parameter.name} has style ${parameter.style}; the generated client sends lists in style form only`,
    );
  }
  return parameter.explode === false;
}

/** Whether a content map has exactly the JSON media type. */
function isJsonOnly(content: Record<string, unknown> | undefined): boolean {
  const types = Object.keys(content ?? {});
  return types.length === 1 && types[0] === 'application/json';
}

/** The first 2xx answer of an operation. */
function successOf(
  responses: Record<string, { content?: Record<string, unknown> }> = {},
) {
  const status = Object.keys(responses)
    .filter(code => /^2\d\d$/.test(code))
    .sort()[0];
  return status ? responses[status] : undefined;
}

/**
 * Every operation of a spec, in the spec's order. An operation without an `operationId` is an
 * error: the client's method is named by it.
 */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap(method => {
      const op = item[method] as
        | {
            operationId?: string;
            summary?: string;
            parameters?: unknown[];
            requestBody?: {
              required?: boolean;
              content?: Record<string, unknown>;
            };
            responses?: Record<string, { content?: Record<string, unknown> }>;
          }
        | undefined;
      if (!op) return [];
      if (!op.operationId) {
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      }
      const parameters = [
        ...((item.parameters as unknown[] | undefined) ?? []),
        ...(op.parameters ?? []),
      ].map(p => resolveParameter(doc, p));
      const named = (location: string) =>
        parameters.filter(p => p.in === location).map(p => p.name);
      const where = `${method.toUpperCase()} ${path}`;
      return [
        {
          operationId: op.operationId,
          method,
          path,
          summary: op.summary,
          pathParams: named('path'),
          queryParams: named('query'),
          commaSeparatedQueryParams: parameters
            .filter(p => isCommaSeparated(doc, p, where))
            .map(p => p.name),
          defaultedQueryParams: parameters
            .filter(
              p => p.in === 'query' && schemaOf(doc, p)?.default !== undefined,
            )
            .map(p => p.name),
          body: op.requestBody
            ? {
                required: op.requestBody.required === true,
                json: isJsonOnly(op.requestBody.content),
              }
            : undefined,
          jsonResponse: isJsonOnly(successOf(op.responses)?.content),
        },
      ];
    }),
  );
}
