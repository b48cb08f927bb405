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
  } else if (kinds.has(entity.kind.toLocaleLowerCase('en-US'))) {
    reading.node = readNode(reading, entity);
    readRelations(reading, entity, ref);
  }
  return reading;
}
