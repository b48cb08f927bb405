import { Entity } from '@backstage/catalog-model';
import { PortfolioItem } from '@waybill/plugin-scorecards-common';
import { overriddenWhereChanged } from './fixtures';

/**
 * A portfolio line of `component:default/<name>` with the given grade, score and gates (the
 * policy's; after overrides the same unless `effectiveGates` is given).
 */
export function portfolioItem(
  name: string,
  grade: PortfolioItem['grade'],
  gates: PortfolioItem['gates'],
  options: {
    score?: number;
    version?: string;
    effectiveGates?: PortfolioItem['effectiveGates'];
  } = {},
): PortfolioItem {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    owner: 'group:default/warehouse-systems',
    system: null,
    tier: 'critical',
    businessProcesses: [],
    version: options.version ?? '1.0.0',
    releasedAt: '2026-12-01T00:00:00.000Z',
    score: options.score ?? 80,
    grade,
    gates,
    effectiveGates: options.effectiveGates ?? gates,
    gateAdjustments: overriddenWhereChanged(
      gates,
      options.effectiveGates ?? gates,
    ),
    failingChecks: [],
  };
}

/** A catalog component named `name`, titled `title`. */
export function component(name: string, title = name): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title },
    spec: { type: 'service', lifecycle: 'production', owner: 'team' },
  };
}
