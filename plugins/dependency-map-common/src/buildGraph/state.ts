import type { Entity } from '@backstage/catalog-model';
import {
  normalizeEntityRef,
  tryNormalizeEntityRef,
} from '@waybill/plugin-waybill-common';

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

/** Where reading one entity puts what it finds: its relations and the problems met. */
export interface ReadingSink {
  relations: RawRelation[];
  warnings: string[];
}

/**
 * Reads a ref an entity names, resolved in the entity's namespace; one that cannot be read is
 * a warning naming the entity and `what` (e.g. `spec.dependsOn`), and undefined.
 */
export function readRef(
  sink: Pick<ReadingSink, 'warnings'>,
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
    sink.warnings.push(
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
