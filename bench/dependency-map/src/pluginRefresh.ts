import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { mockCredentials } from '@backstage/backend-test-utils';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  LatencySummary,
  Random,
  fetchOnLiveSocket,
  retryOnStaleSocket,
  summarize,
} from '@waybill/bench-utils';
import { CATALOG_CHANGED_TOPIC, EstateBackend } from './catalog';
import { Estate } from './estate';

/*
 * The plugin as it runs in the backend: its own builds on the catalog-changed event, what its
 * /status says (memory included), and how fast one changed entity reaches its graph.
 */

/** The build `/status` says is served; fields a given version of the plugin may not answer are absent. */
export interface ServedBuild {
  trigger?: string;
  /** `full` or `incremental`, where the plugin says. */
  kind?: string;
  durationMs?: number;
  catalogRequests?: number;
  nodeCount?: number;
  edgeCount?: number;
  builtAt?: string;
}

/** What `/status` answers, as far as the benchmark reads it. */
export interface PluginStatus {
  current?: ServedBuild;
  builds?: number;
  patches?: number;
  /** The plugin's estimate of its graph's size in memory. */
  memoryBytes?: number;
}

const api = (backend: EstateBackend) => `${backend.baseUrl}/api/dependency-map`;
const authorization = () => mockCredentials.user.header();

export async function pluginStatus(
  backend: EstateBackend,
): Promise<PluginStatus> {
  const res = await fetchOnLiveSocket(`${api(backend)}/status`, {
    headers: { authorization: authorization() },
  });
  if (!res.ok) throw new Error(`GET /status answered ${res.status}`);
  return (await res.json()) as PluginStatus;
}

/**
 * Publishes the catalog-changed event with no entity refs (the whole estate changed) and waits
 * for the plugin to serve a new build with `nodes` and `edges`: the graph its routes answer from.
 */
export async function pluginBuildOnEvent(
  backend: EstateBackend,
  nodes: number,
  edges: number,
): Promise<PluginStatus> {
  const before = JSON.stringify((await pluginStatus(backend)).current ?? {});
  await backend.handles.events.publish({
    topic: CATALOG_CHANGED_TOPIC,
    eventPayload: {},
  });
  const deadline = performance.now() + 180_000;
  for (;;) {
    const status = await pluginStatus(backend);
    const current = status.current;
    if (
      current &&
      JSON.stringify(current) !== before &&
      current.nodeCount === nodes &&
      current.edgeCount === edges
    ) {
      return status;
    }
    if (performance.now() > deadline) {
      throw new Error(
        `The plugin did not serve a graph of ${nodes} nodes and ${edges} edges within 180 s of the event; /status: ${JSON.stringify(
          status,
        )}`,
      );
    }
    await sleep(200);
  }
}

/** Event to graph for changed entities: each change's latency, and the build kinds that served them. */
export interface EventRefreshResult {
  latency: LatencySummary;
  /** Catalog processing and stitching of each change before its event (not part of the latency). */
  catalogMs: LatencySummary;
  /** `current.kind` (or `trigger`) of the build served after the last change. */
  servedKind: string;
  /** Full builds and patches the plugin counted during the changes, where `/status` says. */
  buildsDuring?: number;
  patchesDuring?: number;
}

async function neighbourRefs(
  backend: EstateBackend,
  ref: string,
): Promise<Set<string>> {
  const { kind, namespace, name } = parseEntityRef(ref);
  const res = await fetchOnLiveSocket(
    `${api(
      backend,
    )}/entities/${kind}/${namespace}/${name}/neighbourhood?depth=1`,
    { headers: { authorization: authorization() } },
  );
  if (!res.ok) throw new Error(`neighbourhood of ${ref}: ${res.status}`);
  const body = (await res.json()) as { nodes: Array<{ ref: string }> };
  return new Set(body.nodes.map(n => n.ref));
}

/** Waits until the catalog serves `ref` with a `dependsOn` relation to `target`; answers the wait. */
async function waitForCatalog(
  backend: EstateBackend,
  ref: string,
  target: string,
): Promise<number> {
  const { catalog, auth } = backend.handles;
  const start = performance.now();
  for (;;) {
    const credentials = await auth.getOwnServiceCredentials();
    const entity = await retryOnStaleSocket(() =>
      catalog.getEntityByRef(ref, { credentials }),
    );
    if (
      entity?.relations?.some(
        r => r.type === 'dependsOn' && r.targetRef === target,
      )
    ) {
      return performance.now() - start;
    }
    if (performance.now() - start > 60_000) {
      throw new Error(`The catalog did not process the change of ${ref}`);
    }
    await sleep(50);
  }
}

/** Polls the entity's neighbourhood until `target` is in it; answers the time since `since`. */
async function waitForGraph(
  backend: EstateBackend,
  ref: string,
  target: string,
  since: number,
): Promise<number> {
  for (;;) {
    if ((await neighbourRefs(backend, ref)).has(target)) {
      return performance.now() - since;
    }
    if (performance.now() - since > 60_000) {
      throw new Error(`${ref} -> ${target} did not reach the graph in 60 s`);
    }
  }
}

/**
 * `changes` times: a random component of `estate` gets a new `dependsOn` to a database it is not
 * next to yet (the estate's entity is changed in place, so it stays what the catalog holds), given to the catalog by the entity provider (a delta mutation); once the catalog
 * serves the changed entity, the benchmark publishes the catalog-changed event with
 * `eventPayload.entityRefs` naming it, and times from publishing to the plugin's neighbourhood
 * route showing the new edge (polled back to back).
 */
export async function measureEventRefresh(
  backend: EstateBackend,
  estate: Estate,
  changes: number,
  seed: number,
): Promise<EventRefreshResult> {
  const random = new Random(seed);
  const byRef = new Map(estate.entities.map(e => [stringifyEntityRef(e), e]));
  const databases = estate.refs.deployables.filter(
    r => byRef.get(r)?.spec?.type === 'database',
  );
  const latencies: number[] = [];
  const catalogMs: number[] = [];
  const before = await pluginStatus(backend);
  for (let i = 0; i < changes; i++) {
    const ref = random.pick(estate.refs.components);
    const neighbours = await neighbourRefs(backend, ref);
    // The new reference is by name, so the database is one of the component's namespace.
    const { namespace } = parseEntityRef(ref);
    const target = random.pick(
      databases.filter(
        d => parseEntityRef(d).namespace === namespace && !neighbours.has(d),
      ),
    );
    const entity = byRef.get(ref)!;
    const { name } = parseEntityRef(target);
    // Changed in place: the estate stays what the catalog holds, for the later sizes' checks.
    entity.spec = {
      ...entity.spec,
      dependsOn: [
        ...((entity.spec?.dependsOn as string[]) ?? []),
        `resource:${name}`,
      ],
    };
    await backend.provider.applyDelta([entity]);
    catalogMs.push(await waitForCatalog(backend, ref, target));
    const published = performance.now();
    await backend.handles.events.publish({
      topic: CATALOG_CHANGED_TOPIC,
      eventPayload: { entityRefs: [ref] },
    });
    latencies.push(await waitForGraph(backend, ref, target, published));
  }
  const after = await pluginStatus(backend);
  const diff = (a?: number, b?: number) =>
    a !== undefined && b !== undefined ? a - b : undefined;
  return {
    latency: summarize(latencies),
    catalogMs: summarize(catalogMs),
    servedKind:
      after.current?.kind ?? after.current?.trigger ?? 'not available',
    buildsDuring: diff(after.builds, before.builds),
    patchesDuring: diff(after.patches, before.patches),
  };
}
