import { Entity } from '@backstage/catalog-model';
import { EntityFilter } from '@backstage/plugin-catalog-react';
import {
  CatalogReleases,
  ReleaseGateState,
  catalogRefOf,
  entityNamesIn,
  gateStateOf,
} from './catalogReleases';

/** Not a valid entity name (names start with a letter or digit), so it matches no entity. */
const NO_ENTITY_NAME = '-';

/**
 * The catalog's "Release gate" filter: entities whose latest release's verdict is one of
 * `states` (`none`: no release scored). For states of scored releases only, it also narrows the
 * catalog's query to those entities' names, so server-side paging pages and counts them; the
 * exact match by full ref happens on each entity. `none` cannot be asked of the catalog (it
 * has no "not in"), so with it the filter applies to the entities each page brings.
 */
export class ReleaseGateFilter implements EntityFilter {
  constructor(
    readonly values: ReleaseGateState[],
    private readonly releases: CatalogReleases,
  ) {}

  getCatalogFilters(): Record<string, string[]> {
    if (this.values.includes('none')) return {};
    const names = entityNamesIn(this.releases, this.values);
    // No names would be no condition, i.e. every entity: ask for a name none can have instead.
    return { 'metadata.name': names.length > 0 ? names : [NO_ENTITY_NAME] };
  }

  filterEntity(entity: Entity): boolean {
    return this.values.includes(
      gateStateOf(this.releases.get(catalogRefOf(entity))),
    );
  }

  toQueryValue(): string[] {
    return this.values;
  }
}
