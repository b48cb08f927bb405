import { Operation } from './operations';

/** How the generated code names one API: `TenantRollouts` gives `TenantRolloutsApiClient`. */
export interface ApiNames {
  /** The backend's plugin id, which discovery finds it by. */
  pluginId: string;
  /** PascalCase prefix of the generated names. */
  prefix: string;
}

const op = (o: Operation) => `operations['${o.operationId}']`;

/** The request argument of an operation's client method: its path, query and body, as it has them. */
function requestType(o: Operation): { type: string; optional: boolean } {
  const parts: string[] = [];
  if (o.pathParams.length) parts.push(`path: PathOf<${op(o)}>`);
  if (o.queryParams.length) parts.push(`query?: QueryOf<${op(o)}>`);
  if (o.body?.json) {
    parts.push(`body${o.body.required ? '' : '?'}: BodyOf<${op(o)}>`);
  } else if (o.body) {
    parts.push(`body${o.body.required ? '' : '?'}: BodyInit`);
    parts.push('contentType: string');
  }
  return {
    type: `{ ${parts.join('; ')} }`,
    optional: !o.pathParams.length && !o.body?.required,
  };
}

/** The path template as a template literal reading `request.path`. */
function pathExpression(o: Operation): string {
  const path = o.path.replace(
    /\{(\w+)\}/g,
    (_, name) => `\${encodeURIComponent(String(request.path.${name}))}`,
  );
  return `\`${path}\``;
}

function initExpression(o: Operation): string {
  const method = o.method.toUpperCase();
  if (!o.body) return `{ method: '${method}' }`;
  return o.body.json
    ? `jsonBody('${method}', request.body)`
    : `{ method: '${method}', headers: { 'Content-Type': request.contentType }, body: request.body }`;
}

/** The query string's values: lists the spec sends comma-separated are joined, others repeat. */
function queryExpression(o: Operation): string {
  const query = 'request.query as Record<string, QueryValue> | undefined';
  if (!o.commaSeparatedQueryParams.length) return query;
  const names = o.commaSeparatedQueryParams.map(n => `'${n}'`).join(', ');
  return `commaJoined(${query}, [${names}])`;
}

function renderMethod(o: Operation): string {
  const request = requestType(o);
  const arg =
    request.type === '{  }'
      ? '_request: Record<string, never> = {}'
      : `request: ${request.type}${request.optional ? ' = {}' : ''}`;
  const query = o.queryParams.length ? `, ${queryExpression(o)}` : '';
  const call = o.jsonResponse
    ? `this.http.json<ResponseOf<${op(o)}>>(${pathExpression(
        o,
      )}, ${initExpression(o)}${query})`
    : `this.http.fetch(${pathExpression(o)}, ${initExpression(o)}${query})`;
  const result = o.jsonResponse ? `ResponseOf<${op(o)}>` : 'Response';
  const doc = o.summary
    ? `  /** ${o.summary} (\`${o.method.toUpperCase()} ${o.path}\`). */\n`
    : '';
  return `${doc}  ${o.operationId}(${arg}): Promise<${result}> {
    return ${call};
  }`;
}

/**
 * The typed client of an API: one method per operation, named by its operationId, taking the
 * operation's path, query and body as the spec types them and answering its 2xx body. Requests go
 * through `@waybill/http-client` (discovery, query strings, ResponseErrors that say why).
 */
export function renderClient(operations: Operation[], names: ApiNames): string {
  return `
/**
 * The typed client of the ${
   names.pluginId
 } backend, one method per operation of its spec. A
 * non-2xx answer throws a ResponseError carrying the server's reason.
 */
export class ${names.prefix}ApiClient {
  private readonly http: PluginHttpClient;

  constructor(options: PluginClientOptions) {
    this.http = new PluginHttpClient('${names.pluginId}', options);
  }

${operations.map(renderMethod).join('\n\n')}
}
`;
}

/**
 * The endpoint map \`@backstage/backend-openapi-utils\` types a router by: for each
 * \`#method|path\`, the path parameters, query, body and 2xx body of the operation.
 */
export function renderEndpointMap(
  operations: Operation[],
  names: ApiNames,
): string {
  const entries = operations.map(o => {
    // A non-JSON answer (a CSV, a text file) is sent as text the handler writes itself.
    const parts = [
      `response: ${o.jsonResponse ? `ResponseOf<${op(o)}>` : 'string'}`,
    ];
    if (o.pathParams.length) parts.push(`path: PathOf<${op(o)}>`);
    if (o.queryParams.length) {
      const defaulted = o.defaultedQueryParams.map(n => `'${n}'`).join(' | ');
      parts.push(
        defaulted
          ? `query: WithDefaults<QueryOf<${op(o)}>, ${defaulted}>`
          : `query: QueryOf<${op(o)}>`,
      );
    }
    if (o.body?.json) parts.push(`body: BodyOf<${op(o)}>`);
    return `  '#${o.method === 'delete' ? '_delete' : o.method}|${
      o.path
    }': { ${parts.join('; ')} };`;
  });
  return `
/** Every endpoint of the API as \`@backstage/backend-openapi-utils\`'s typed router reads it. */
export type ${names.prefix}EndpointMap = {
${entries.join('\n')}
};
`;
}

/** Type helpers the client and the endpoint map read operations with. */
export const OPERATION_HELPERS = `
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body of an operation's 2xx answer. */
export type ResponseOf<Op> = Op extends { responses: infer R }
  ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]>
  : never;
/** The JSON request body of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
/** The path parameters of an operation. */
export type PathOf<Op> = Op extends { parameters: { path: infer P } } ? P : never;
/** The query parameters of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** A query as the validating router hands it on: the parameters with a default are present. */
export type WithDefaults<Q, K extends keyof Q> = Q & Required<Pick<Q, K>>;
`;
