import { InfoCard } from '@backstage/core-components';
import { Grid, List, ListItem, Typography } from '@material-ui/core';
import {
  EvidenceFacts,
  FactsOf,
  SEVERITIES,
  SeverityCounts,
  StoredEvidence,
} from '@waybill/plugin-scorecards-common';
import { ReactNode } from 'react';
import { formatPercent, formatTime } from '../shared/format';
import { WrappingListItemText } from '../shared/WrappingListItemText';

const severityLine = (counts: SeverityCounts) =>
  SEVERITIES.filter(s => counts[s] > 0)
    .map(s => `${counts[s]} ${s}`)
    .join(', ') || 'none';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function TestsEvidence({ facts }: { facts: FactsOf<'tests'> }) {
  return (
    <>
      <Typography variant="body2">
        {facts.total} tests: {facts.passed} passed, {facts.failed} failed,{' '}
        {facts.errored} errored, {facts.skipped} skipped
        {facts.durationSeconds !== null &&
          ` in ${Math.round(facts.durationSeconds)} s`}
      </Typography>
      {facts.failingTests.length > 0 && (
        <List dense aria-label="Failing tests">
          {facts.failingTests.map(t => (
            <ListItem key={`${t.suite}/${t.name}`} disableGutters>
              <WrappingListItemText
                primary={`${t.suite} › ${t.name} (${t.outcome})`}
                secondary={t.message}
              />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

function CoverageEvidence({ facts }: { facts: FactsOf<'coverage'> }) {
  return (
    <Typography variant="body2">
      Lines {formatPercent(facts.lineRate)} ({facts.linesCovered} of{' '}
      {facts.linesValid}), branches {formatPercent(facts.branchRate)} (
      {facts.branchesCovered} of {facts.branchesValid})
    </Typography>
  );
}

function SecurityEvidence({ facts }: { facts: FactsOf<'security'> }) {
  return (
    <>
      <Typography variant="body2">
        {facts.total} findings: {severityLine(facts.bySeverity)}; new since
        baseline: {severityLine(facts.newBySeverity)}; {facts.suppressed}{' '}
        suppressed
      </Typography>
      <Typography variant="body2" color="textSecondary">
        By tool:{' '}
        {Object.entries(facts.byTool)
          .map(([tool, counts]) => `${tool} (${severityLine(counts)})`)
          .join('; ')}
      </Typography>
      {facts.worst.length > 0 && (
        <List dense aria-label="Worst findings">
          {facts.worst.map((f, i) => (
            <ListItem key={`${f.ruleId}-${i}`} disableGutters>
              <WrappingListItemText
                primary={`${f.severity}: ${f.ruleId} (${f.tool})`}
                secondary={`${f.message}${
                  f.location ? ` at ${f.location}` : ''
                }`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

function DependencyEvidence({ facts }: { facts: FactsOf<'dependencies'> }) {
  return (
    <>
      <Typography variant="body2">
        {facts.componentCount} components (CycloneDX {facts.specVersion});
        vulnerabilities: {severityLine(facts.vulnerabilitiesBySeverity)}
      </Typography>
      {facts.worst.length > 0 && (
        <List dense aria-label="Worst vulnerabilities">
          {facts.worst.map(v => (
            <ListItem key={v.id} disableGutters>
              <WrappingListItemText
                primary={`${v.id} (${v.severity}${
                  v.score !== undefined ? `, ${v.score}` : ''
                })`}
                secondary={v.affects.join(', ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

function ReadinessEvidence({ facts }: { facts: FactsOf<'readiness'> }) {
  return (
    <List dense aria-label="Rollback readiness and supply chain">
      {[
        [
          'Previous version still deployable',
          yesNo(facts.previousVersionDeployable),
        ],
        ['Database migrations reversible', yesNo(facts.migrationsReversible)],
        ['Last rollback drill', facts.lastRollbackDrill ?? 'never'],
        ['Kill switch', yesNo(facts.killSwitch)],
        ['Signature verified', yesNo(facts.signatureVerified)],
        ['Provenance', `SLSA level ${facts.provenanceSlsaLevel}`],
      ].map(([label, text]) => (
        <ListItem key={label} disableGutters>
          <WrappingListItemText primary={label} secondary={text} />
        </ListItem>
      ))}
    </List>
  );
}

function factsView(facts: EvidenceFacts): ReactNode {
  switch (facts.kind) {
    case 'tests':
      return <TestsEvidence facts={facts} />;
    case 'coverage':
      return <CoverageEvidence facts={facts} />;
    case 'security':
      return <SecurityEvidence facts={facts} />;
    case 'dependencies':
      return <DependencyEvidence facts={facts} />;
    default:
      return <ReadinessEvidence facts={facts} />;
  }
}

const TITLES: Record<EvidenceFacts['kind'], string> = {
  tests: 'Tests',
  coverage: 'Coverage',
  security: 'Security findings',
  dependencies: 'Dependencies and vulnerabilities',
  readiness: 'Rollback readiness and supply chain',
};

/** The release's current evidence of each kind, as the pipeline uploaded it. */
export function EvidenceSummary(props: { evidence: StoredEvidence[] }) {
  if (props.evidence.length === 0) {
    return (
      <Typography variant="body2">
        No evidence has been uploaded for this release.
      </Typography>
    );
  }
  return (
    <Grid container spacing={2}>
      {props.evidence.map(e => (
        <Grid item xs={12} md={6} key={e.id}>
          <InfoCard
            title={TITLES[e.kind]}
            subheader={`${e.format}, uploaded ${formatTime(e.uploadedAt)} by ${
              e.uploadedBy
            }${e.environment ? ` for ${e.environment}` : ''}`}
          >
            {factsView(e.facts)}
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}
