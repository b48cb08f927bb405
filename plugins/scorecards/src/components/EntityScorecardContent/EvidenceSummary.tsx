import { InfoCard } from '@backstage/core-components';
import { Grid, List, ListItem, Typography } from '@material-ui/core';
import {
  EvidenceFacts,
  EvidenceSigner,
  FactsOf,
  SbomDiff,
  SbomVulnerability,
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

/** How many entries of a long list are shown before "and N more". */
const MAX_LISTED = 20;

/** A dense list of at most {@link MAX_LISTED} texts, then how many more there are. */
function CappedList(props: {
  label: string;
  items: Array<{ key: string; text: string }>;
}) {
  const hidden = props.items.length - MAX_LISTED;
  return (
    <List dense aria-label={props.label}>
      {props.items.slice(0, MAX_LISTED).map(item => (
        <ListItem key={item.key} disableGutters>
          <WrappingListItemText primary={item.text} />
        </ListItem>
      ))}
      {hidden > 0 && (
        <ListItem disableGutters>
          <WrappingListItemText secondary={`and ${hidden} more`} />
        </ListItem>
      )}
    </List>
  );
}

const countBySeverity = (vulnerabilities: SbomVulnerability[]) => {
  const counts = Object.fromEntries(
    SEVERITIES.map(s => [s, 0]),
  ) as SeverityCounts;
  vulnerabilities.forEach(v => counts[v.severity]++);
  return counts;
};

const vulnerabilityItems = (vulnerabilities: SbomVulnerability[]) =>
  vulnerabilities.map(v => ({ key: v.id, text: `${v.id} (${v.severity})` }));

const componentItems = (components: string[]) =>
  components.map(c => ({ key: c, text: c }));

/** What the SBOM adds and removes against the previous release's. */
function SbomDiffView({ diff }: { diff: SbomDiff }) {
  const since = diff.againstVersion;
  return (
    <>
      <Typography variant="body2">
        Since {since}: {diff.addedComponents.length}{' '}
        {diff.addedComponents.length === 1 ? 'component' : 'components'} added,{' '}
        {diff.removedComponents.length} removed; vulnerabilities introduced:{' '}
        {severityLine(diff.introducedBySeverity)}; fixed:{' '}
        {severityLine(countBySeverity(diff.fixedVulnerabilities))}
      </Typography>
      {diff.introducedVulnerabilities.length > 0 && (
        <CappedList
          label={`Vulnerabilities introduced since ${since}`}
          items={vulnerabilityItems(diff.introducedVulnerabilities)}
        />
      )}
      {diff.fixedVulnerabilities.length > 0 && (
        <CappedList
          label={`Vulnerabilities fixed since ${since}`}
          items={vulnerabilityItems(diff.fixedVulnerabilities)}
        />
      )}
      {diff.addedComponents.length > 0 && (
        <CappedList
          label={`Components added since ${since}`}
          items={componentItems(diff.addedComponents)}
        />
      )}
      {diff.removedComponents.length > 0 && (
        <CappedList
          label={`Components removed since ${since}`}
          items={componentItems(diff.removedComponents)}
        />
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
      {facts.diff && <SbomDiffView diff={facts.diff} />}
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

/** Label and text pairs as a dense list. */
function FactList(props: { label: string; rows: Array<[string, string]> }) {
  return (
    <List dense aria-label={props.label}>
      {props.rows.map(([label, text]) => (
        <ListItem key={label} disableGutters>
          <WrappingListItemText primary={label} secondary={text} />
        </ListItem>
      ))}
    </List>
  );
}

function ReadinessEvidence({ facts }: { facts: FactsOf<'readiness'> }) {
  return (
    <FactList
      label="Rollback readiness"
      rows={[
        [
          'Previous version still deployable',
          yesNo(facts.previousVersionDeployable),
        ],
        ['Database migrations reversible', yesNo(facts.migrationsReversible)],
        ['Last rollback drill', facts.lastRollbackDrill ?? 'never'],
        ['Kill switch', yesNo(facts.killSwitch)],
      ]}
    />
  );
}

/** Who signed, as verified: a configured key by id, or a certificate's identity and issuer. */
function signerText(signer: EvidenceSigner): string {
  return signer.kind === 'key'
    ? `key ${signer.keyId}`
    : `${signer.identity} (issued by ${signer.issuer})`;
}

/** The rows every verified signature shows: what was signed, by whom, and when it was logged. */
function signedRows(
  facts: FactsOf<'signature'> | FactsOf<'provenance'>,
): Array<[string, string]> {
  return [
    ['Artifact', facts.subjectDigest],
    ['Signed by', signerText(facts.signer)],
    [
      'Logged',
      facts.signedAt
        ? formatTime(facts.signedAt)
        : 'not in a transparency log (key signature)',
    ],
  ];
}

function SignatureEvidence({ facts }: { facts: FactsOf<'signature'> }) {
  return (
    <FactList
      label="Verified signature"
      rows={[...signedRows(facts), ['Statement', facts.predicateType]]}
    />
  );
}

function ProvenanceEvidence({ facts }: { facts: FactsOf<'provenance'> }) {
  return (
    <FactList
      label="Verified provenance"
      rows={[
        ['SLSA build level', String(facts.slsaBuildLevel)],
        ['Builder', facts.builderId],
        ['Source', facts.sourceRepository ?? 'not named'],
        ...signedRows(facts),
      ]}
    />
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
    case 'signature':
      return <SignatureEvidence facts={facts} />;
    case 'provenance':
      return <ProvenanceEvidence facts={facts} />;
    default:
      return <ReadinessEvidence facts={facts} />;
  }
}

const TITLES: Record<EvidenceFacts['kind'], string> = {
  tests: 'Tests',
  coverage: 'Coverage',
  security: 'Security findings',
  dependencies: 'Dependencies and vulnerabilities',
  readiness: 'Rollback readiness',
  signature: 'Signature (verified by Waybill)',
  provenance: 'Build provenance (verified by Waybill)',
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
