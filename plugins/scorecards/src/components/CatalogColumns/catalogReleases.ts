import { Entity } from '@backstage/catalog-model';
import { normalizeEntityRef } from '@waybill/plugin-waybill-common';
import {
  GRADES,
  GateDecision,
  Grade,
  PortfolioItem,
  ReleaseVerdict,
  releaseVerdict,
} from '@waybill/plugin-scorecards-common';

/** An entity's latest scored release, as the catalog's grade and gate columns show it. */
export interface CatalogRelease {
  entityRef: string;
  version: string;
  grade: Grade;
  score: number;
  /** Its gates after active overrides, as the entity tab shows them. */
  gates: Array<{ environment: string; decision: GateDecision }>;
  /** The one verdict of its gates (`releaseVerdict`), shown beside the grade. */
  verdict: ReleaseVerdict;
}

/** The latest scored release of each entity, by its full lower-case ref. */
export type CatalogReleases = ReadonlyMap<string, CatalogRelease>;

/**
 * What the "Release gate" filter tells apart: the verdict of an entity's latest release, or
 * `none` when no release of it is scored. `unevaluated` is a scored release without gates.
 */
export type ReleaseGateState =
  | 'blocked'
  | 'warns'
  | 'passes'
  | 'unevaluated'
  | 'none';

/** The filter's options in the order it lists them, worst first. */
export const RELEASE_GATE_STATES: readonly ReleaseGateState[] = [
  'blocked',
  'warns',
  'passes',
  'unevaluated',
  'none',
];

/** Each state in words, as the filter's options read. */
export const RELEASE_GATE_LABELS: Record<ReleaseGateState, string> = {
  blocked: 'Blocked',
  warns: 'Warns',
  passes: 'Passes',
  unevaluated: 'Not evaluated',
  none: 'No release scored',
};

/** Whether a value (from the URL) is a state the filter knows. */
export function isReleaseGateState(value: unknown): value is ReleaseGateState {
  return (RELEASE_GATE_STATES as readonly unknown[]).includes(value);
}

/** An entity's ref as the portfolio writes it: full and lower-case. */
export function catalogRefOf(entity: Entity): string {
  return normalizeEntityRef(entity);
}

/**
 * The portfolio's items, one per entity, by ref; the gates after active overrides
 * (`effectiveGates`, the verdict the entity tab gives), in the order the backend gives them.
 */
export function catalogReleasesOf(
  items: readonly PortfolioItem[],
): Map<string, CatalogRelease> {
  const releases = new Map<string, CatalogRelease>();
  for (const item of items) {
    const gates = Object.entries(item.effectiveGates).map(
      ([environment, decision]) => ({ environment, decision }),
    );
    const entityRef = item.entityRef.toLowerCase();
    releases.set(entityRef, {
      entityRef,
      version: item.version,
      grade: item.grade,
      score: item.score,
      gates,
      verdict: releaseVerdict(gates),
    });
  }
  return releases;
}

const STATE_OF_VERDICT: Record<ReleaseVerdict['state'], ReleaseGateState> = {
  blocked: 'blocked',
  warns: 'warns',
  clear: 'passes',
  unevaluated: 'unevaluated',
};

/** The filter's state of an entity's latest release; `none` without one. */
export function gateStateOf(release: CatalogRelease | undefined) {
  return release ? STATE_OF_VERDICT[release.verdict.state] : 'none';
}

/** Ranks for sorting: a blocked release first, an entity without a release last. */
const GATE_RANK: Record<ReleaseGateState, number> = {
  blocked: 0,
  warns: 1,
  unevaluated: 2,
  passes: 3,
  none: 4,
};

/** Orders releases by gate verdict, worst first, then by score, lowest first. */
export function compareByGate(
  a: CatalogRelease | undefined,
  b: CatalogRelease | undefined,
): number {
  return (
    GATE_RANK[gateStateOf(a)] - GATE_RANK[gateStateOf(b)] ||
    (a?.score ?? 0) - (b?.score ?? 0)
  );
}

/** Orders releases by grade, A first, then by score, highest first; without a release last. */
export function compareByGrade(
  a: CatalogRelease | undefined,
  b: CatalogRelease | undefined,
): number {
  const rank = (r?: CatalogRelease) => (r ? GRADES.indexOf(r.grade) : 99);
  return rank(a) - rank(b) || (b?.score ?? 0) - (a?.score ?? 0);
}

/** The names of the entities in `states`, to narrow the catalog's query on its backend. */
export function entityNamesIn(
  releases: CatalogReleases,
  states: readonly ReleaseGateState[],
): string[] {
  const names = new Set<string>();
  for (const release of releases.values()) {
    if (states.includes(gateStateOf(release))) {
      names.add(release.entityRef.slice(release.entityRef.indexOf('/') + 1));
    }
  }
  return [...names].sort();
}
