import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BUSINESS_PROCESS_TYPE,
  isBusinessProcessEntity,
} from '@waybill/plugin-waybill-common';

/**
 * Why each ref is not one of the catalog's business processes, given the entity the catalog
 * answered for it (undefined or null: none): empty when every one is.
 */
export function businessProcessProblems(
  refs: string[],
  entities: ReadonlyArray<Entity | null | undefined>,
): string[] {
  return refs.flatMap((ref, i) => {
    const entity = entities[i];
    if (!entity) return [`${ref} is not in the catalog`];
    if (isBusinessProcessEntity(entity)) return [];
    const type = entity.spec?.type;
    return [
      `${ref} is a ${entity.kind}${
        typeof type === 'string' ? ` of spec.type ${type}` : ''
      }, not a business process`,
    ];
  });
}

/**
 * Checks in the catalog, as `credentials` see it, that each ref names a business process (a
 * Domain of `spec.type: business-process`); an InputError names every one that does not.
 */
export async function assertBusinessProcesses(
  catalog: CatalogService,
  refs: string[],
  credentials: BackstageCredentials,
): Promise<void> {
  if (refs.length === 0) return;
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: refs, fields: ['kind', 'spec.type'] },
    { credentials },
  );
  const problems = businessProcessProblems(refs, items);
  if (problems.length > 0) {
    throw new InputError(
      `businessProcesses: ${problems.join(
        '; ',
      )} (business processes are catalog Domains of spec.type ${BUSINESS_PROCESS_TYPE})`,
    );
  }
}
