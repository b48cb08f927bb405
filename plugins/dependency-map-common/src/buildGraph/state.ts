import type { Entity } from '@backstage/catalog-model';
import {
  normalizeEntityRef,
  tryNormalizeEntityRef,
} from '@waybill/plugin-waybill-common';
import { BusinessProcess, DependencyNode } from '../model';

/** A relation in Backstage's own vocabulary, always stored in its forward direction. */
export type RawRelationType =
  | 'dependsOn'
  | 'consumesApi'
  | 'providesApi'
  | 'partOf';

/** A relation read from an entity, before it becomes an edge of the graph. */
export interface RawRelation {
  type: RawRelationType;
  source: string;
  target: string;
}

/** What building a graph collects while it reads the entities. */
export interface GraphBuild {
  nodes: Map<string, DependencyNode>;
  processes: Map<string, BusinessProcess>;
  /** Each relation once (one read from both of its ends is kept the first time), in order read. */
  relations: RawRelation[];
  /** The targets recorded by type and source, to keep each relation once. */
  recorded: Map<RawRelationType, Map<string, Set<string>>>;
  warnings: string[];
}

/** An empty build. */
export function createGraphBuild(): GraphBuild {
  return {
    nodes: new Map(),
    processes: new Map(),
    relations: [],
    recorded: new Map(),
    warnings: [],
  };
}

/** Records a relation once (looked up by its parts: no key string is built per relation). */
export function addRelation(
  build: GraphBuild,
  type: RawRelationType,
  source: string,
  target: string,
): void {
  let bySource = build.recorded.get(type);
  if (!bySource) {
    bySource = new Map();
    build.recorded.set(type, bySource);
  }
  let targets = bySource.get(source);
  if (!targets) {
    targets = new Set();
    bySource.set(source, targets);
  }
  if (targets.has(target)) return;
  targets.add(target);
  build.relations.push({ type, source, target });
}

/**
 * Reads a ref an entity names, resolved in the entity's namespace; one that cannot be read is
 * a warning naming the entity and `what` (e.g. `spec.dependsOn`), and undefined.
 */
export function readRef(
  build: GraphBuild,
  raw: string,
  entity: Entity,
  defaultKind: string | undefined,
  what: string,
): string | undefined {
  const ref = tryNormalizeEntityRef(raw, {
    defaultKind,
    defaultNamespace: entity.metadata.namespace,
  });
  if (ref === undefined) {
    build.warnings.push(
      `${normalizeEntityRef(
        entity,
      )}: cannot read ${what} "${raw}" as an entity ref`,
    );
  }
  return ref;
}

/** A non-blank string, trimmed; undefined for anything else. */
export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/** The strings of an array; nothing for anything else. */
export function stringsAt(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string');
}
