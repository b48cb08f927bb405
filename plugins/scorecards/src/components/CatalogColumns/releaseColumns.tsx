import { Entity } from '@backstage/catalog-model';
import { TableColumn } from '@backstage/core-components';
import { EntityListContextProps } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import {
  CatalogRelease,
  catalogRefOf,
  compareByGate,
  compareByGrade,
} from './catalogReleases';
import { ReleaseGateCell, ReleaseGradeCell } from './ReleaseCells';
import { CatalogReleasesState, useCatalogReleases } from './useCatalogReleases';

/** A catalog table row: what the catalog's `CatalogTableRow` has at least. */
export interface EntityRow {
  entity: Entity;
}

/** The catalog table's columns for what its entity list shows (the catalog's `CatalogTableColumnsFunc`). */
export type EntityColumnsFunc<T extends EntityRow> = (
  context: EntityListContextProps,
) => TableColumn<T>[];

/**
 * The catalog table's "Grade" and "Gate" columns over releases already loaded (`state`): each
 * cell reads the shared releases by its entity's ref, never the backend. Both sort, over the
 * rows the table holds: grades from A, gates from blocked.
 */
export function releaseColumns<T extends EntityRow>(
  state: CatalogReleasesState,
): TableColumn<T>[] {
  const releaseOf = (row: T): CatalogRelease | undefined =>
    state.releases?.get(catalogRefOf(row.entity));
  return [
    {
      title: 'Grade',
      field: 'scorecards.grade',
      customSort: (a, b) => compareByGrade(releaseOf(a), releaseOf(b)),
      render: row => (
        <ReleaseGradeCell entityRef={catalogRefOf(row.entity)} state={state} />
      ),
    },
    {
      title: 'Gate',
      field: 'scorecards.gate',
      customSort: (a, b) => compareByGate(releaseOf(a), releaseOf(b)),
      render: row => (
        <ReleaseGateCell entityRef={catalogRefOf(row.entity)} state={state} />
      ),
    },
  ];
}

/** Whether the table lists components, the entities releases are scored for. */
export function listsComponents(context: EntityListContextProps): boolean {
  const kind =
    context.entities[0]?.kind ?? context.filters.kind?.value ?? 'component';
  return kind.toLowerCase() === 'component';
}

/**
 * `base`'s columns with "Grade" and "Gate" after the first visible one (the name) while the
 * table lists components; other kinds have no scored releases and keep `base`'s columns.
 */
export function withReleaseColumns<T extends EntityRow>(
  base: EntityColumnsFunc<T>,
  state: CatalogReleasesState,
): EntityColumnsFunc<T> {
  return context => {
    const columns = base(context);
    if (!listsComponents(context)) return columns;
    const name = columns.findIndex(column => !column.hidden);
    return [
      ...columns.slice(0, name + 1),
      ...releaseColumns<T>(state),
      ...columns.slice(name + 1),
    ];
  };
}

/**
 * The catalog table's columns with the releases' grade and gate, for the catalog page's
 * `columns` (e.g. `useCatalogReleaseColumns(CatalogTable.defaultColumnsFunc)`). The portfolio is
 * read once for the whole table, and the columns follow it as it loads.
 */
export function useCatalogReleaseColumns<T extends EntityRow>(
  base: EntityColumnsFunc<T>,
): EntityColumnsFunc<T> {
  const state = useCatalogReleases();
  return useMemo(() => withReleaseColumns(base, state), [base, state]);
}
