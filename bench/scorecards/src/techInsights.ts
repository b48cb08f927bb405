import { initializePersistenceContext } from '@backstage-community/plugin-tech-insights-backend';
import {
  JSON_RULE_ENGINE_CHECK_TYPE,
  JsonRuleBooleanCheckResult,
  JsonRulesEngineFactChecker,
  JsonRulesEngineFactCheckerFactory,
  TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import {
  TechInsightFact,
  TechInsightsStore,
} from '@backstage-community/plugin-tech-insights-node';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  FACTS,
  FactName,
  NumberOperator,
  PolicyCheck,
  ReleaseEvidence,
  ScorecardPolicy,
} from '@waybill/plugin-scorecards-common';
import { TIERS } from '@waybill/plugin-waybill-common';
import { DateTime } from 'luxon';
import { BENCH_NOW, BenchEntity, generateRelease, VERSIONS } from './dataset';
import { forEachConcurrently, timed } from '@waybill/bench-utils';

/** The id of the fact retriever whose rows hold the release facts in Tech Insights. */
export const FACT_RETRIEVER_ID = 'waybill-release-facts';

/** The fact that carries the entity's tier, for checks whose threshold depends on it. */
const TIER_FACT = 'tier';

/** Tech Insights' default concurrency of `POST /checks/run` (`techInsights.checksRunConcurrency`). */
export const CHECKS_RUN_CONCURRENCY = 100;

/** The Tech Insights name of a Waybill fact: `tests.failed` becomes `tests_failed`. */
export function techInsightsFactName(fact: FactName): string {
  return fact.replace(/\./g, '_');
}

const OPERATORS: Record<NumberOperator, string> = {
  '<=': 'lessThanInclusive',
  '<': 'lessThan',
  '>=': 'greaterThanInclusive',
  '>': 'greaterThan',
  '==': 'equal',
};

function condition(check: PolicyCheck, threshold: number | boolean) {
  return {
    fact: techInsightsFactName(check.fact),
    operator: OPERATORS[check.operator],
    value: threshold,
  };
}

/**
 * A Waybill policy check as a json-rules-engine check. A check with per-tier thresholds becomes
 * an `any` over the tiers (`tier == critical && lineRate >= 0.8`, ...), the default threshold
 * applying to the tiers without one. Enforcement, weights and environments have no equivalent:
 * a Tech Insights check only passes or fails.
 */
export function toJsonRuleCheck(check: PolicyCheck): TechInsightJsonRuleCheck {
  const tiered = TIERS.filter(
    tier => check.tiers?.[tier]?.threshold !== undefined,
  );
  const conditions =
    tiered.length === 0
      ? { all: [condition(check, check.threshold)] }
      : {
          any: [
            ...tiered.map(tier => ({
              all: [
                { fact: TIER_FACT, operator: 'equal', value: tier },
                condition(check, check.tiers![tier]!.threshold!),
              ],
            })),
            {
              all: [
                { fact: TIER_FACT, operator: 'notIn', value: tiered },
                condition(check, check.threshold),
              ],
            },
          ],
        };
  return {
    id: check.id,
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: check.title,
    description: check.fixHint,
    factIds: [FACT_RETRIEVER_ID],
    rule: { conditions },
  };
}

/** The facts a policy tests, in policy order, without repeats. */
function policyFacts(policy: ScorecardPolicy): FactName[] {
  return [...new Set(policy.checks.map(check => check.fact))];
}

/** The schema of the fact rows: one value per fact the policy tests, plus the tier. */
export function factSchema(policy: ScorecardPolicy): FactSchema {
  const schema: FactSchema = {
    [TIER_FACT]: { type: 'string', description: 'waybill.dev/tier' },
  };
  for (const name of policyFacts(policy)) {
    const fact = FACTS[name];
    let type: FactSchema[string]['type'] = 'boolean';
    if (fact.type === 'number') {
      type = fact.unit === 'ratio' ? 'float' : 'integer';
    }
    schema[techInsightsFactName(name)] = {
      type,
      description: fact.description,
    };
  }
  return schema;
}

/**
 * The fact row of an entity: the values of its latest release's facts, read with Waybill's own
 * fact readers at the benchmark's clock, so both systems judge identical values.
 */
export function factRow(
  entity: BenchEntity,
  policy: ScorecardPolicy,
): TechInsightFact {
  const release = generateRelease(entity, VERSIONS.length - 1);
  const evidence = release.facts as ReleaseEvidence;
  const facts: TechInsightFact['facts'] = { [TIER_FACT]: entity.tier };
  for (const name of policyFacts(policy)) {
    const reading = FACTS[name].read(evidence, BENCH_NOW);
    if (reading.present) facts[techInsightsFactName(name)] = reading.value;
  }
  return {
    entity: {
      namespace: 'default',
      kind: 'component',
      name: entity.entity.metadata.name,
    },
    facts,
    timestamp: DateTime.fromJSDate(BENCH_NOW),
  };
}

/** Tech Insights on one database: its store and its json-rules-engine fact checker. */
export interface TechInsightsContext {
  store: TechInsightsStore;
  factChecker: JsonRulesEngineFactChecker;
  checks: TechInsightJsonRuleCheck[];
  policy: ScorecardPolicy;
}

/**
 * Starts Tech Insights the supported way: `initializePersistenceContext` (which runs its
 * migrations) for the store, `JsonRulesEngineFactCheckerFactory` for the checker, and stores the
 * fact schema. Fact rows come with {@link insertFactRows}.
 */
export async function createTechInsights(
  database: DatabaseService,
  policy: ScorecardPolicy,
): Promise<TechInsightsContext> {
  const logger = mockServices.rootLogger({ level: 'warn' });
  const { techInsightsStore: store } = await initializePersistenceContext(
    database,
    { logger },
  );
  await store.insertFactSchema({
    id: FACT_RETRIEVER_ID,
    version: '1.0.0',
    title: 'Waybill release facts',
    description: 'The facts of the latest release of each entity',
    schema: factSchema(policy),
  });
  const checks = policy.checks.map(toJsonRuleCheck);
  const factChecker = new JsonRulesEngineFactCheckerFactory({
    checks,
    logger,
  }).construct(store);
  for (const check of checks) {
    const validation = await factChecker.validate(check);
    if (!validation.valid) {
      throw new Error(
        `Tech Insights rejects check ${check.id}: ${validation.message}`,
      );
    }
  }
  return { store, factChecker, checks, policy };
}

/**
 * Stores one fact row per entity through `insertFacts`, 1,000 per call, as a fact retriever run
 * would; returns the time it took.
 */
export async function insertFactRows(
  context: TechInsightsContext,
  entities: BenchEntity[],
): Promise<number> {
  const { ms } = await timed(async () => {
    for (let i = 0; i < entities.length; i += 1000) {
      await context.store.insertFacts({
        id: FACT_RETRIEVER_ID,
        facts: entities.slice(i, i + 1000).map(e => factRow(e, context.policy)),
      });
    }
  });
  return ms;
}

/**
 * Times what Tech Insights answers for the entities of one portfolio page each, all of a page at
 * once as `POST /checks/run` with that entity list does (its concurrency, 100, exceeds a page):
 * with `run`, `runChecks` per entity (verdicts evaluated at read time); without, the stored
 * facts only (`getLatestFactsByIds` per entity, what `GET /facts/latest` reads), no verdicts.
 */
export async function measurePages(
  context: TechInsightsContext,
  pages: string[][],
  read: 'checks' | 'facts',
): Promise<number[]> {
  const samples: number[] = [];
  for (const refs of pages) {
    const { ms } = await timed(() =>
      Promise.all(
        refs.map(ref =>
          read === 'checks'
            ? context.factChecker.runChecks(ref)
            : context.store.getLatestFactsByIds([FACT_RETRIEVER_ID], ref),
        ),
      ),
    );
    samples.push(ms);
  }
  return samples;
}

/** What a bulk check run did and how long it took. */
export interface BulkCheckRun {
  ms: number;
  entities: number;
  /** Check results returned, one per check and entity. */
  results: number;
  /** Entities whose check run threw. */
  errors: number;
}

/**
 * Runs every check for every entity with facts, as `POST /checks/run` with no entities does:
 * `getEntities()`, then `runChecks` per entity with its default concurrency of 100.
 */
export async function bulkCheckRun(
  context: TechInsightsContext,
): Promise<BulkCheckRun> {
  let results = 0;
  let errors = 0;
  let entities = 0;
  const { ms } = await timed(async () => {
    const refs = await context.store.getEntities();
    entities = refs.length;
    await forEachConcurrently(refs, CHECKS_RUN_CONCURRENCY, async ref => {
      try {
        const checked = await context.factChecker.runChecks(
          stringifyEntityRef(ref),
        );
        results += checked.length;
      } catch {
        errors++;
      }
    });
  });
  return { ms, entities, results, errors };
}

/** Times `runChecks` for single entities, one at a time: the cost of one scorecard page view. */
export async function measurePerEntityChecks(
  context: TechInsightsContext,
  refs: string[],
  warmup: number = 20,
): Promise<{
  samples: number[];
  results: Map<string, JsonRuleBooleanCheckResult[]>;
}> {
  const samples: number[] = [];
  const results = new Map<string, JsonRuleBooleanCheckResult[]>();
  for (const [i, ref] of [...refs.slice(0, warmup), ...refs].entries()) {
    const { result, ms } = await timed(() =>
      context.factChecker.runChecks(ref),
    );
    if (i >= warmup) {
      samples.push(ms);
      results.set(ref, result);
    }
  }
  return { samples, results };
}

/** How far Tech Insights' verdicts match Waybill's stored check results. */
export interface Agreement {
  entities: number;
  compared: number;
  agreeing: number;
  /** The first few disagreements, in words. */
  disagreements: string[];
}

/**
 * Compares Tech Insights' check results with Waybill's stored ones for the same entities: a
 * Waybill `pass` must be a Tech Insights `true`, anything else a `false` (or no result).
 */
export async function compareVerdicts(
  results: Map<string, JsonRuleBooleanCheckResult[]>,
  waybillChecks: (
    entityRef: string,
  ) => Promise<Array<{ id: string; status: string }>>,
): Promise<Agreement> {
  const agreement: Agreement = {
    entities: results.size,
    compared: 0,
    agreeing: 0,
    disagreements: [],
  };
  for (const [ref, checked] of results) {
    for (const check of await waybillChecks(ref)) {
      const verdict = checked.find(r => r.check.id === check.id)?.result;
      agreement.compared++;
      if ((check.status === 'pass') === (verdict === true)) {
        agreement.agreeing++;
      } else if (agreement.disagreements.length < 5) {
        agreement.disagreements.push(
          `${ref} ${check.id}: Waybill ${check.status}, Tech Insights ${
            verdict ?? 'no result'
          }`,
        );
      }
    }
  }
  return agreement;
}
