import { InputError } from '@backstage/errors';
import {
  SecurityFacts,
  SecurityFinding,
  Severity,
  SeverityCounts,
} from '@waybill/plugin-scorecards-common';
import { z } from 'zod';
import { isJsonObject, parseJson, validate } from './json';
import {
  compareSeverity,
  emptySeverityCounts,
  MAX_WORST,
  severityFromScore,
} from './severity';
import { clip, compareText, describeValue } from './text';

const LABEL = 'SARIF log';

const level = z.enum(['none', 'note', 'warning', 'error']);
type Level = z.infer<typeof level>;

const LEVEL_SEVERITY: Readonly<Record<Level, Severity>> = {
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'info',
};

const index = z.int().min(-1);
const text = z.object({
  text: z.string().optional(),
  markdown: z.string().optional(),
});

const reportingDescriptor = z.object({
  id: z.string(),
  shortDescription: text.optional(),
  defaultConfiguration: z.object({ level: level.optional() }).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
type Rule = z.infer<typeof reportingDescriptor>;

const toolComponent = z.object({
  name: z.string(),
  rules: z.array(reportingDescriptor).optional(),
});

const result = z.object({
  ruleId: z.string().optional(),
  ruleIndex: index.optional(),
  rule: z
    .object({
      id: z.string().optional(),
      index: index.optional(),
      toolComponent: z
        .object({ index: index.optional(), name: z.string().optional() })
        .optional(),
    })
    .optional(),
  kind: z
    .enum(['pass', 'open', 'informational', 'notApplicable', 'review', 'fail'])
    .optional(),
  level: level.optional(),
  message: text,
  locations: z
    .array(
      z.object({
        physicalLocation: z
          .object({
            artifactLocation: z
              .object({ uri: z.string().optional(), index: index.optional() })
              .optional(),
            region: z.object({ startLine: z.int().optional() }).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  suppressions: z
    .array(
      z.object({
        status: z.enum(['accepted', 'underReview', 'rejected']).optional(),
      }),
    )
    .optional(),
  baselineState: z.enum(['new', 'unchanged', 'updated', 'absent']).optional(),
});
type Result = z.infer<typeof result>;

const run = z.object({
  tool: z.object({
    driver: toolComponent,
    extensions: z.array(toolComponent).optional(),
  }),
  artifacts: z
    .array(
      z.object({
        location: z.object({ uri: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  // A run whose tool failed before producing results has `results` absent or null.
  results: z.array(result).nullable().optional(),
});
type Run = z.infer<typeof run>;

/** The runs of a SARIF 2.1.0 log, validated. */
function readRuns(body: string): Run[] {
  const log = parseJson(LABEL, body);
  if (!isJsonObject(log)) {
    throw new InputError(`${LABEL} is not a JSON object`);
  }
  if (log.version !== '2.1.0') {
    throw new InputError(
      `${LABEL} has version ${describeValue(
        log.version,
      )}; Waybill reads SARIF 2.1.0`,
    );
  }
  if (!Array.isArray(log.runs)) {
    throw new InputError(`${LABEL} has no "runs" array`);
  }
  return validate(z.array(run), log.runs, LABEL, 'runs');
}

/** A result as a finding of a tool, at its severity. */
function findingOf(
  r: Result,
  context: {
    tool: string;
    run: Run;
    rule: Rule | undefined;
    severity: Severity;
  },
): SecurityFinding {
  const { tool, rule, severity } = context;
  const location = locationOf(r, context.run);
  return {
    tool,
    ruleId: r.ruleId ?? r.rule?.id ?? rule?.id ?? '',
    severity,
    message: clip(
      r.message.text ??
        r.message.markdown ??
        rule?.shortDescription?.text ??
        '',
    ),
    ...(location !== undefined ? { location } : {}),
    ...(r.baselineState !== undefined
      ? { baselineState: r.baselineState }
      : {}),
  };
}

/** Findings of one rule at one severity: all of them, and those new against the baseline. */
type RuleCount = NonNullable<SecurityFacts['rules']>[number];

/** How many rule counts the facts keep; a waiver names a rule among them. */
const MAX_RULES = 1000;

/** Counts a finding under its rule and severity (a rule may report at several severities). */
function countRule(
  byRule: Map<string, RuleCount>,
  finding: SecurityFinding,
  isNew: boolean,
): void {
  const key = `${finding.severity}\u0000${finding.ruleId}`;
  const counts = byRule.get(key) ?? {
    ruleId: finding.ruleId,
    severity: finding.severity,
    count: 0,
    newCount: 0,
  };
  counts.count++;
  if (isNew) counts.newCount++;
  byRule.set(key, counts);
}

/**
 * Parses a SARIF 2.1.0 log (CodeQL, Semgrep, Trivy, ...), any number of runs. Suppressed
 * results are counted apart; results a baseline reports `absent` (fixed) and `pass` or
 * `notApplicable` results are not findings.
 */
export function parseSarif(body: string): SecurityFacts {
  const runs = readRuns(body);
  const facts: SecurityFacts = {
    kind: 'security',
    format: 'sarif',
    total: 0,
    bySeverity: emptySeverityCounts(),
    byTool: {},
    newBySeverity: emptySeverityCounts(),
    suppressed: 0,
    worst: [],
  };
  // A Map, not an object: a tool may well be named "__proto__".
  const byTool = new Map<string, SeverityCounts>();
  const byRule = new Map<string, RuleCount>();
  const findings: SecurityFinding[] = [];
  for (const current of runs) {
    const tool = current.tool.driver.name;
    const results = current.results ?? [];
    const findRule = ruleFinder(current);
    // Without a baseline every finding is new to this release.
    const hasBaseline = results.some(r => r.baselineState !== undefined);
    const toolCounts = byTool.get(tool) ?? emptySeverityCounts();
    byTool.set(tool, toolCounts);
    for (const r of results) {
      if (
        r.kind === 'pass' ||
        r.kind === 'notApplicable' ||
        r.baselineState === 'absent'
      ) {
        continue;
      }
      if (isSuppressed(r)) {
        facts.suppressed++;
        continue;
      }
      const rule = findRule(r);
      const severity = severityOf(r, rule);
      facts.total++;
      facts.bySeverity[severity]++;
      toolCounts[severity]++;
      const isNew = !hasBaseline || r.baselineState === 'new';
      if (isNew) facts.newBySeverity[severity]++;
      const finding = findingOf(r, { tool, run: current, rule, severity });
      countRule(byRule, finding, isNew);
      findings.push(finding);
    }
  }
  facts.byTool = Object.fromEntries(byTool);
  facts.rules = [...byRule.values()]
    .sort(
      (a, b) =>
        compareSeverity(a.severity, b.severity) ||
        b.count - a.count ||
        compareText(a.ruleId, b.ruleId),
    )
    .slice(0, MAX_RULES);
  facts.worst = findings
    .sort(
      (a, b) =>
        compareSeverity(a.severity, b.severity) ||
        compareText(a.tool, b.tool) ||
        compareText(a.ruleId, b.ruleId),
    )
    .slice(0, MAX_WORST);
  return facts;
}

/**
 * Finds a result's rule the ways SARIF allows: by index into the rules of the tool component
 * `rule.toolComponent` names (the driver by default; CodeQL puts its rules in extensions),
 * else by id among all the run's rules.
 */
function ruleFinder(current: Run): (r: Result) => Rule | undefined {
  const components = [current.tool.driver, ...(current.tool.extensions ?? [])];
  const byId = new Map<string, Rule>();
  // Reversed so that, for a duplicated id, the driver's rule wins over an extension's.
  for (const component of [...components].reverse()) {
    for (const rule of component.rules ?? []) {
      byId.set(rule.id, rule);
    }
  }
  return r => {
    const componentRef = r.rule?.toolComponent;
    // A toolComponent index points into `extensions`, which follow the driver here.
    const component =
      componentRef?.index !== undefined
        ? components[componentRef.index + 1]
        : components.find(
            c =>
              componentRef?.name === undefined || c.name === componentRef.name,
          );
    const ruleIndex = r.rule?.index ?? r.ruleIndex;
    const byIndex =
      ruleIndex !== undefined ? component?.rules?.[ruleIndex] : undefined;
    const id = r.ruleId ?? r.rule?.id;
    return byIndex ?? (id !== undefined ? byId.get(id) : undefined);
  };
}

/** SARIF: suppressed when every suppression is accepted; one under review or rejected is not. */
function isSuppressed(r: Result): boolean {
  const { suppressions } = r;
  return (
    suppressions !== undefined &&
    suppressions.length > 0 &&
    suppressions.every(s => s.status === undefined || s.status === 'accepted')
  );
}

/** The rule's CVSS `security-severity` when it has one, else the SARIF level. */
function severityOf(r: Result, rule: Rule | undefined): Severity {
  const score = securitySeverity(rule?.properties?.['security-severity']);
  if (score !== undefined) {
    return severityFromScore(score);
  }
  // SARIF: a result that is not a failure defaults to `none`, a failure to the rule's level.
  const defaultLevel =
    r.kind !== undefined && r.kind !== 'fail'
      ? 'none'
      : rule?.defaultConfiguration?.level ?? 'warning';
  return LEVEL_SEVERITY[r.level ?? defaultLevel];
}

function securitySeverity(value: unknown): number | undefined {
  const score =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof score === 'number' && Number.isFinite(score)
    ? score
    : undefined;
}

function locationOf(r: Result, current: Run): string | undefined {
  const physical = r.locations?.[0]?.physicalLocation;
  const artifact = physical?.artifactLocation;
  const uri =
    artifact?.uri ??
    (artifact?.index !== undefined
      ? current.artifacts?.[artifact.index]?.location?.uri
      : undefined);
  if (uri === undefined) {
    return undefined;
  }
  const line = physical?.region?.startLine;
  return line !== undefined ? `${uri}:${line}` : uri;
}
