import satisfies from 'semver/functions/satisfies';
import valid from 'semver/functions/valid';
import validRange from 'semver/ranges/valid';
import { WAYBILL_ANNOTATIONS } from '@waybill/plugin-waybill-common';
import { graphIndex } from './graphIndex';
import { DependencyGraph } from './model';
import type { DependencyMapSchemas as Schemas } from './schema/openapi.generated';

/**
 * The outcome of checking one consumer's required range against its API's version:
 * `compatible`, `incompatible`, `unknown-version` (the API entity declares no version,
 * `apiVersionOf`), `invalid-version` (the version is not `x.y.z` semver), `invalid-range` (the
 * required range is not a semver range) or `unknown-api` (the required API is not in the graph).
 */
export type ApiCompatibilityStatus = ApiCompatibility['status'];

/**
 * One consumer → API requirement, checked: `providers` are the components that provide the API,
 * `range` the range the consumer requires, `version` the version checked (the train's, else the
 * API's current one, as `versionSource` says), `message` the verdict in words, for people.
 */
export type ApiCompatibility = Schemas['ApiCompatibility'];

/** Options of {@link checkApiCompatibility}. */
export interface ApiCompatibilityOptions {
  /**
   * API versions a release train will expose, by API ref (`api:default/pricing-api`); APIs not
   * named keep their current version (`apiVersionOf`).
   */
  apiVersions?: ReadonlyMap<string, string>;
  /** Only check requirements where this returns true; default all. */
  include?: (consumer: string, api: string) => boolean;
}

/** Whether a version satisfies a range, in the terms of {@link ApiCompatibilityStatus}. */
export function compareApiVersion(
  range: string,
  version: string | undefined,
): Exclude<ApiCompatibilityStatus, 'unknown-api'> {
  if (validRange(range) === null) return 'invalid-range';
  if (version === undefined) return 'unknown-version';
  if (valid(version) === null) return 'invalid-version';
  return satisfies(version, range) ? 'compatible' : 'incompatible';
}

/**
 * Checks every consumer's API requirements (`parseApiRequirements`) against the version its API will have:
 * the train's version when given, else the current one. O(nodes + requirements + edges).
 */
export function checkApiCompatibility(
  graph: DependencyGraph,
  options: ApiCompatibilityOptions = {},
): ApiCompatibility[] {
  const index = graphIndex(graph);
  const providedBy = index.view(['apiProvidedBy']).forward;
  const results: ApiCompatibility[] = [];
  for (const consumer of graph.nodes) {
    for (const { apiRef, range } of consumer.apiRequirements ?? []) {
      if (options.include && !options.include(consumer.ref, apiRef)) continue;
      const a = index.indexOf.get(apiRef);
      const api = a === undefined ? undefined : graph.nodes[a];
      if (api === undefined || api.missing) {
        results.push({
          consumer: consumer.ref,
          api: apiRef,
          providers: [],
          range,
          status: 'unknown-api',
          message: `${consumer.title} requires ${apiRef} ${range}, which is not in the catalog`,
        });
        continue;
      }
      const providers: string[] = [];
      for (
        let s = providedBy.offsets[a!];
        s < providedBy.offsets[a! + 1];
        s++
      ) {
        providers.push(graph.nodes[providedBy.targets[s]].ref);
      }
      const trainVersion = options.apiVersions?.get(apiRef);
      const version = trainVersion ?? api.apiVersion;
      const versionSource = trainVersion !== undefined ? 'train' : 'current';
      const status = compareApiVersion(range, version);
      results.push({
        consumer: consumer.ref,
        api: apiRef,
        providers,
        range,
        version,
        versionSource: version === undefined ? undefined : versionSource,
        status,
        message: compatibilityMessage(
          consumer.title,
          api.title,
          range,
          version,
          versionSource,
          status,
        ),
      });
    }
  }
  return results;
}

function compatibilityMessage(
  consumer: string,
  api: string,
  range: string,
  version: string | undefined,
  source: 'train' | 'current',
  status: ApiCompatibilityStatus,
): string {
  const at =
    source === 'train'
      ? `will be at ${version} after the train`
      : `is at ${version}`;
  switch (status) {
    case 'compatible':
      return `${consumer} requires ${api} ${range}; it ${at}`;
    case 'incompatible':
      return `${consumer} requires ${api} ${range}, but it ${at}`;
    case 'unknown-version':
      return `${consumer} requires ${api} ${range}, but ${api} declares no version (${WAYBILL_ANNOTATIONS.apiVersion})`;
    case 'invalid-version':
      return `${consumer} requires ${api} ${range}, but ${api}'s version "${version}" is not semver x.y.z`;
    case 'invalid-range':
      return `${consumer} requires ${api} "${range}", which is not a semver range`;
    default:
      return `${consumer} requires ${api} ${range}`;
  }
}
