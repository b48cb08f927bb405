import type { GraphFilter } from './neighbourhood';

/*
 * A graph filter as the views' list parameters, both ways: the client writes a `GraphFilter` as
 * the query, the backend reads the query back as one.
 */

/** A view's list parameters, by their names in the spec. */
export interface GraphFilterQuery {
  kind?: string[];
  type?: string[];
  owner?: string[];
  businessProcess?: string[];
  relation?: GraphFilter['relations'];
}

/** A graph filter as the views' list parameters. */
export function graphFilterQuery(filter: GraphFilter): GraphFilterQuery {
  return {
    kind: filter.kinds,
    type: filter.types,
    owner: filter.owners,
    businessProcess: filter.businessProcesses,
    relation: filter.relations,
  };
}

/**
 * A list parameter's values. The spec's lists are comma-separated, which its validation splits;
 * a parameter repeated arrives as a list as it is, so each value is split in turn
 * (`?entityRef=a,b&entityRef=c`). Trimmed, empty ones dropped.
 */
export function listParam(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(v => v !== '');
}

/**
 * The graph filter a view's list parameters name, as the spec's validation hands them over (the
 * relations checked against their enumeration already).
 */
export function graphFilter(query: GraphFilterQuery): GraphFilter {
  return {
    kinds: listParam(query.kind),
    types: listParam(query.type),
    owners: listParam(query.owner),
    businessProcesses: listParam(query.businessProcess),
    relations: query.relation,
  };
}
