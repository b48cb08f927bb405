import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { redoclyConfig } from './lint';
import { OpenApiDocument, Operation, operationsOf } from './operations';
import { renderEnumValues } from './renderEnums';
import {
  ApiNames,
  OPERATION_HELPERS,
  renderClient,
  renderEndpointMap,
} from './renderClient';

/** What one spec generates: the `-common` file (types, endpoint map, client) and the backend's. */
export interface GeneratedApi {
  common: string;
  backend: string;
}

const header = (specPath: string) =>
  `// Generated from ${specPath} by \`yarn openapi:generate\`. Do not edit: change the spec.\n/* eslint-disable */\n`;

async function prettify(source: string, filepath: string): Promise<string> {
  const options = (await resolveConfig(filepath)) ?? {};
  return format(source, { ...options, filepath, parser: 'typescript' });
}

/** What the client takes from `@waybill/http-client`: `commaJoined` only where a list needs it. */
function clientImports(operations: Operation[]): string[] {
  const imports = [
    'jsonBody',
    'PluginClientOptions',
    'PluginHttpClient',
    'QueryValue',
  ];
  return operations.some(o => o.commaSeparatedQueryParams.length)
    ? ['commaJoined', ...imports]
    : imports;
}

/**
 * Generates, from one backend's OpenAPI spec (YAML text): for its `-common` package, the types of
 * every schema and operation (openapi-typescript), the values of each named enum schema as a
 * `const` list (`<Name>Values`), the endpoint map, and the typed client; for
 * the backend, the spec as a constant and the router factory that validates requests against it.
 * `paths` name where the files go, so each says where it came from and formats as the repo does.
 */
export async function generateApi(
  specYaml: string,
  names: ApiNames & { commonPackage: string },
  paths: { spec: string; common: string; backend: string },
): Promise<GeneratedApi> {
  const doc = parse(specYaml) as OpenApiDocument;
  const operations = operationsOf(doc);
  const types = astToString(
    await openapiTS(doc as never, {
      emptyObjectsUnknown: true,
      redocly: await redoclyConfig(),
    }),
  );
  const common = [
    header(paths.spec),
    `import { ${clientImports(operations).join(
      ', ',
    )} } from '@waybill/http-client';\n`,
    types,
    renderEnumValues(doc),
    OPERATION_HELPERS,
    `/** The API's schemas, by name. */\nexport type ${names.prefix}Schemas = components['schemas'];\n`,
    `/** The API's operations, by operationId. */\nexport type ${names.prefix}Operations = operations;\n`,
    renderEndpointMap(operations, names),
    renderClient(operations, names),
  ].join('\n');
  const backend = [
    header(paths.spec),
    `import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';`,
    `import type { ${names.prefix}EndpointMap } from '${names.commonPackage}';\n`,
    `/** The spec the router validates requests against, its paths relative to the router. */`,
    `export const spec = ${JSON.stringify(
      { ...doc, servers: [{ url: '/' }] },
      null,
      2,
    )} as const;\n`,
    `/**`,
    ` * An express router that validates every request against the spec (a 400 naming what is`,
    ` * wrong) and types each route's params, query, body and answer by its operation.`,
    ` */`,
    `export const createOpenApiRouter = (options?: Parameters<typeof createValidatedOpenApiRouterFromGeneratedEndpointMap>[1]) =>`,
    `  createValidatedOpenApiRouterFromGeneratedEndpointMap<${names.prefix}EndpointMap>(spec as never, options);`,
  ].join('\n');
  return {
    common: await prettify(common, paths.common),
    backend: await prettify(backend, paths.backend),
  };
}
