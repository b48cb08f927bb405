import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A choice in a filter: the value the API takes and the label people read. */
export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptions {
  owners: FilterOption[];
  systems: FilterOption[];
  businessProcesses: FilterOption[];
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
];

const byLabel = (a: FilterOption, b: FilterOption) =>
  a.label.localeCompare(b.label);

const asRefOption = (entity: Entity): FilterOption => ({
  value: stringifyEntityRef(entity),
  label: entity.metadata.title ?? entity.metadata.name,
});

/**
 * A business process as the filter sends it: its name in the default namespace (the API reads
 * `order-to-cash` as `domain:default/order-to-cash`), its full ref in any other.
 */
const businessProcessValue = (entity: Entity): string =>
  (entity.metadata.namespace ?? 'default') === 'default'
    ? entity.metadata.name
    : stringifyEntityRef(entity);

/**
 * The owners, systems and business processes to filter by, from the catalog: groups, systems,
 * and domains of `spec.type: business-process` (filtered by the Domain they are).
 */
export function useFilterOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<FilterOptions> => {
    const { items } = await catalogApi.getEntities({
      filter: [
        { kind: 'Group' },
        { kind: 'System' },
        { kind: 'Domain', 'spec.type': 'business-process' },
      ],
      fields: FIELDS,
    });
    const ofKind = (kind: string) => items.filter(e => e.kind === kind);
    return {
      owners: ofKind('Group').map(asRefOption).sort(byLabel),
      systems: ofKind('System').map(asRefOption).sort(byLabel),
      businessProcesses: ofKind('Domain')
        .map(e => ({
          value: businessProcessValue(e),
          label: e.metadata.title ?? e.metadata.name,
        }))
        .sort(byLabel),
    };
  }, [catalogApi]);
}
