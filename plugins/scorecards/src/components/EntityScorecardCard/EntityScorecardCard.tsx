import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import { effectiveGates } from '@waybill/plugin-scorecards-common';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { CheckList } from '../shared/CheckList';
import { GateChip } from '../shared/chips';
import { failingChecks } from '../shared/failingChecks';
import { formatTime } from '../shared/format';
import { ScoreLine } from '../shared/ScoreLine';
import { UploadEvidenceHint } from '../shared/UploadEvidenceHint';
import { useScorecardLink } from '../shared/useScorecardLink';

/**
 * The entity's latest release at a glance: score, grade, the gate of each environment, and the
 * checks holding it back with their fix hints.
 */
export function EntityScorecardCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(scorecardsApiRef);
  const scorecardLink = useScorecardLink();
  const { value, loading, error } = useAsync(async () => {
    const { items } = await api.listReleases(entityRef, { limit: 1 });
    if (items.length === 0) return null;
    return api.getRelease(entityRef, items[0].version);
  }, [api, entityRef]);

  if (loading) {
    return (
      <InfoCard title="Release scorecard">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title="Release scorecard">
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value || !value.evaluation) {
    return (
      <InfoCard title="Release scorecard">
        <UploadEvidenceHint entityRef={entityRef} />
      </InfoCard>
    );
  }
  const { evaluation } = value;
  const checks = failingChecks(evaluation);
  const gates = effectiveGates(value, new Date());
  return (
    <InfoCard
      title="Release scorecard"
      subheader={`Latest release ${value.version}, ${formatTime(
        value.createdAt,
      )}`}
      deepLink={{
        title: `View release ${value.version}`,
        link: scorecardLink(entityRef, value.version),
      }}
    >
      <ScoreLine evaluation={evaluation} gates={gates} mb={2}>
        {evaluation.tier} tier
      </ScoreLine>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={1}>
        {gates.map(gate => (
          <GateChip
            key={gate.environment}
            environment={gate.environment}
            decision={gate.decision}
            policyDecision={gate.policyDecision}
            overridden={gate.override !== null}
            waivers={gate.waivers.length}
          />
        ))}
      </Box>
      {checks.length === 0 ? (
        <Typography variant="body2">
          Every scored check passes for this release.
        </Typography>
      ) : (
        <CheckList checks={checks} />
      )}
    </InfoCard>
  );
}
