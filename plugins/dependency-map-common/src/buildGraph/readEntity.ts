import type { Entity } from '@backstage/catalog-model';
import { isBusinessProcessEntity } from '@waybill/plugin-waybill-common';
import { BusinessProcess, DependencyNode } from '../model';
import { readBusinessProcess, readNode } from './readNode';
import { readRelations } from './readRelations';
import { RawRelation } from './state';

/**
 * What one entity says, read once and kept while the entity stands: a business process it
 * declares, or the node it is (before the graph adds what other entities say of it: its system,
 * the processes it joins), with its relations and the problems met reading it. An entity of a
 * kind not mapped says nothing.
 */
export interface EntityReading {
  process?: BusinessProcess;
  /** Not changed once read: the graph derives its node from it. */
  node?: DependencyNode;
  /** Each relation as often as the entity names it (both directions, in forward form). */
  relations: RawRelation[];
  warnings: string[];
}

/** Reads an entity; `kinds` are the lower-case kinds that become nodes. */
export function readEntity(
  entity: Entity,
  ref: string,
  kinds: ReadonlySet<string>,
): EntityReading {
  const reading: EntityReading = { relations: [], warnings: [] };
  if (isBusinessProcessEntity(entity)) {
    reading.process = readBusinessProcess(reading, entity);
  } else if (kinds.has(entity.kind.toLowerCase())) {
    reading.node = readNode(reading, entity);
    readRelations(reading, entity, ref);
  }
  return reading;
}

/**
 * Whether two readings say the same: the same process or node (field by field, as read) and
 * the same relations in the same order. The catalog re-reads neighbours of a changed entity that
 * have not changed themselves; a live graph skips them.
 */
export function sameReading(a: EntityReading, b: EntityReading): boolean {
  if (a.relations.length !== b.relations.length) return false;
  for (let i = 0; i < a.relations.length; i++) {
    const x = a.relations[i];
    const y = b.relations[i];
    if (x.type !== y.type || x.source !== y.source || x.target !== y.target) {
      return false;
    }
  }
  return (
    JSON.stringify([a.process, a.node, a.warnings]) ===
    JSON.stringify([b.process, b.node, b.warnings])
  );
}
