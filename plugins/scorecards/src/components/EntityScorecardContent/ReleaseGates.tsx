import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, List, ListItem, Typography } from '@material-ui/core';
import {
  ReleaseRecord,
  effectiveGates,
  isOverrideActive,
  scorecardsGateOverridePermission,
} from '@waybill/plugin-scorecards-common';
import { useState } from 'react';
import { GateChip } from '../shared/chips';
import { formatTime } from '../shared/format';
import { OverrideDialog } from './OverrideDialog';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** The overrides on record, each active until it expires. */
function OverrideHistory(props: { release: ReleaseRecord; now: Date }) {
  const { overrides } = props.release;
  if (overrides.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No gate of this release has been overridden.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Overrides">
      {overrides.map(o => {
        const active = isOverrideActive(o, props.now);
        return (
          <ListItem key={o.id} disableGutters>
            <WrappingListItemText
              primary={`${o.environment}: "${o.reason}"`}
              secondary={`by ${o.actor} on ${formatTime(o.createdAt)}, ${
                active ? 'expires' : 'expired'
              } ${formatTime(o.expiresAt)}`}
            />
          </ListItem>
        );
      })}
    </List>
  );
}

/**
 * Each environment's gate with the reasons behind it, the overrides on record, and, for people
 * holding the override permission, the control to override a failing gate.
 */
export function ReleaseGates(props: {
  release: ReleaseRecord;
  onChanged: () => void;
}) {
  const { release } = props;
  const { allowed: canOverride } = usePermission({
    permission: scorecardsGateOverridePermission,
  });
  const [overriding, setOverriding] = useState<string>();
  const now = new Date();
  const gates = effectiveGates(release, now);
  const reasons = new Map(
    (release.evaluation?.gates ?? []).map(g => [g.environment, g.reasons]),
  );
  return (
    <InfoCard title="Promotion gates">
      {gates.map(gate => (
        <Box key={gate.environment} mb={2}>
          <Box display="flex" alignItems="center" style={{ gap: 12 }}>
            <GateChip
              environment={gate.environment}
              decision={gate.decision}
              policyDecision={gate.policyDecision}
            />
            {canOverride && gate.decision === 'fail' && (
              <Button
                size="small"
                variant="outlined"
                onClick={() => setOverriding(gate.environment)}
              >
                Override {gate.environment} gate
              </Button>
            )}
          </Box>
          <List dense>
            {(reasons.get(gate.environment) ?? []).map(reason => (
              <ListItem key={reason.checkId} disableGutters>
                <WrappingListItemText
                  primary={`${
                    reason.enforcement === 'fail' ? 'Blocks' : 'Warns'
                  }: ${reason.title} (${reason.status}). ${reason.reason}`}
                  secondary={`Fix: ${reason.fixHint}`}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      ))}
      <Typography variant="subtitle2">Overrides</Typography>
      <OverrideHistory release={release} now={now} />
      {overriding && (
        <OverrideDialog
          entityRef={release.entityRef}
          version={release.version}
          environment={overriding}
          onClose={() => setOverriding(undefined)}
          onOverridden={() => {
            setOverriding(undefined);
            props.onChanged();
          }}
        />
      )}
    </InfoCard>
  );
}
