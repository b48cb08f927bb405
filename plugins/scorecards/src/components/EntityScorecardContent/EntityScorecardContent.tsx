import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSignal } from '@backstage/plugin-signals-react';
import { Box, Grid, Typography } from '@material-ui/core';
import {
  effectiveGates,
  ReleaseRecord,
  ReleaseSummary,
  entityScorecardsChannel,
  ScorecardSignal,
} from '@waybill/plugin-scorecards-common';
import { DataTable } from '@waybill/plugin-waybill-react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scorecardsApiRef } from '../../api';
import { DoraPanel } from '../DoraPanel';
import { GradeChip, VerdictChip } from '../shared/chips';
import { formatTime, isHttpUrl } from '../shared/format';
import { ScoreLine } from '../shared/ScoreLine';
import { useRolloutsLink } from '../shared/useScorecardLink';
import { UploadEvidenceHint } from '../shared/UploadEvidenceHint';
import { CheckBreakdown } from './CheckBreakdown';
import { EvidenceSummary } from './EvidenceSummary';
import { ReleaseGates } from './ReleaseGates';
import { ReleaseWaivers } from './ReleaseWaivers';
import { ScoreTrendChart } from './ScoreTrendChart';

/** Releases shown in the trend and the list. */
export const HISTORY_LIMIT = 50;

function ReleaseList(props: {
  releases: ReleaseSummary[];
  selected?: string;
  onSelect: (version: string) => void;
}) {
  return (
    <DataTable
      aria-label="Releases"
      rows={props.releases}
      rowKey={r => r.version}
      hover
      isSelected={r => r.version === props.selected}
      onRowClick={r => props.onSelect(r.version)}
      columns={[
        {
          header: 'Release',
          nowrap: true,
          cell: r => (
            <Link
              to={`?release=${encodeURIComponent(r.version)}`}
              onClick={e => {
                e.preventDefault();
                props.onSelect(r.version);
              }}
            >
              {r.version}
            </Link>
          ),
        },
        { header: 'Created', nowrap: true, cell: r => formatTime(r.createdAt) },
        {
          header: 'Score',
          nowrap: true,
          cell: r =>
            r.score === null ? (
              '—'
            ) : (
              <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                {r.score} <GradeChip grade={r.grade ?? 'F'} />
                <VerdictChip gates={r.gates} />
              </Box>
            ),
        },
      ]}
    />
  );
}

function ReleaseDetail(props: {
  release: ReleaseRecord;
  onChanged: () => void;
}) {
  const { release } = props;
  const { evaluation } = release;
  const rolloutsLink = useRolloutsLink();
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <InfoCard title={`Release ${release.version}`}>
          {evaluation ? (
            <ScoreLine
              evaluation={evaluation}
              gates={effectiveGates(release, new Date())}
              mb={1}
            >
              {evaluation.tier} tier, evaluated{' '}
              {formatTime(evaluation.evaluatedAt)}
            </ScoreLine>
          ) : (
            <Typography variant="body2">Not evaluated yet.</Typography>
          )}
          <Typography variant="body2">
            Created {formatTime(release.createdAt)}
            {release.commit && `, commit ${release.commit.slice(0, 12)}`}
          </Typography>
          {release.pipelineUrl &&
            (isHttpUrl(release.pipelineUrl) ? (
              <Link to={release.pipelineUrl}>Pipeline run</Link>
            ) : (
              <Typography variant="body2">
                Pipeline run: {release.pipelineUrl}
              </Typography>
            ))}
          <Typography variant="body2">
            <Link to={rolloutsLink(release.entityRef, release.version)}>
              Rollouts of {release.version} to tenants
            </Link>
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <ReleaseGates release={release} onChanged={props.onChanged} />
      </Grid>
      <Grid item xs={12}>
        <ReleaseWaivers release={release} onChanged={props.onChanged} />
      </Grid>
      {evaluation && (
        <Grid item xs={12}>
          <InfoCard title="Checks" subheader="Weights count toward the score">
            <CheckBreakdown evaluation={evaluation} />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12}>
        <Typography variant="h6" gutterBottom>
          Evidence
        </Typography>
        <EvidenceSummary evidence={release.evidence} />
      </Grid>
    </Grid>
  );
}

/**
 * The entity's scorecards tab: score trend across releases, the release list, one release's
 * gates, checks and evidence (`?release=` picks it, the newest by default), and DORA figures.
 */
export function EntityScorecardContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(scorecardsApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  // Read again whenever a release of the entity is scored, or its waivers or overrides change.
  const { lastSignal } = useSignal<ScorecardSignal>(
    entityScorecardsChannel(entityRef),
  );
  const history = useAsync(
    () => api.listReleases(entityRef, { limit: HISTORY_LIMIT }),
    [api, entityRef, lastSignal],
  );
  const releases = history.value?.items ?? [];
  const selected = searchParams.get('release') ?? releases[0]?.version;
  const release = useAsyncRetry(
    async () => (selected ? api.getRelease(entityRef, selected) : undefined),
    [api, entityRef, selected, lastSignal],
  );
  const select = (version: string) =>
    setSearchParams({ release: version }, { replace: true });

  if (history.loading && !history.value) return <Progress />;
  if (history.error) return <ResponseErrorPanel error={history.error} />;
  if (releases.length === 0) {
    return <UploadEvidenceHint entityRef={entityRef} />;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard
          title="Score trend"
          subheader="Score per release, oldest to newest"
        >
          <ScoreTrendChart
            releases={releases}
            selected={selected}
            onSelect={select}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Releases">
          <ReleaseList
            releases={releases}
            selected={selected}
            onSelect={select}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {release.loading && !release.value && <Progress />}
        {release.error && <ResponseErrorPanel error={release.error} />}
        {release.value && (
          <ReleaseDetail release={release.value} onChanged={release.retry} />
        )}
      </Grid>
      <Grid item xs={12}>
        <DoraPanel entityRef={entityRef} />
      </Grid>
    </Grid>
  );
}
