import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, List, ListItem, Typography } from '@material-ui/core';
import {
  GateOverride,
  GateReason,
  ReleaseRecord,
  effectiveGates,
  isOverrideActive,
  scorecardsGateOverridePermission,
} from '@waybill/plugin-scorecards-common';
import { useState } from 'react';
import { GateChip } from '../shared/chips';
import { formatLocalTime, formatTime } from '../shared/format';
import { OverrideDialog } from './OverrideDialog';
import { RevokeOverrideDialog } from './RevokeOverrideDialog';
import { FixHint } from '../shared/FixHint';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** What happened to an override after it was made: revoked, expired, or when it expires. */
function overrideStatus(o: GateOverride, active: boolean): string {
  if (o.revokedAt) {
    return `revoked by ${o.revokedBy} on ${formatLocalTime(o.revokedAt)}: ${
      o.revokeReason
    }`;
  }
  return `${active ? 'expires' : 'expired'} ${formatTime(o.expiresAt)}`;
}

/**
 * The overrides on record, each active until it expires or is revoked; people holding the
 * override permission may revoke an active one.
 */
function OverrideHistory(props: {
  release: ReleaseRecord;
  now: Date;
  canRevoke: boolean;
  onRevoke: (override: GateOverride) => void;
}) {
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
              secondary={`by ${o.actor} on ${formatTime(
                o.createdAt,
              )}, ${overrideStatus(o, active)}`}
            />
            {props.canRevoke && active && (
              <Button
                size="small"
                variant="outlined"
                aria-label={`Revoke the ${o.environment} override by ${o.actor}`}
                onClick={() => props.onRevoke(o)}
              >
                Revoke
              </Button>
            )}
          </ListItem>
        );
      })}
    </List>
  );
}

/** The failing or missing checks behind a gate's decision, each with its fix. */
function GateReasons(props: { reasons: GateReason[] }) {
  return (
    <List dense>
      {props.reasons.map(reason => (
        <ListItem key={reason.checkId} disableGutters>
          <WrappingListItemText
            primary={`${reason.enforcement === 'fail' ? 'Blocks' : 'Warns'}: ${
              reason.title
            } (${reason.status}). ${reason.reason}`}
            secondary={
              <>
                Fix: <FixHint hint={reason.fixHint} />
              </>
            }
          />
        </ListItem>
      ))}
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
  const [revoking, setRevoking] = useState<GateOverride>();
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
          <GateReasons reasons={reasons.get(gate.environment) ?? []} />
        </Box>
      ))}
      <Typography variant="subtitle2">Overrides</Typography>
      <OverrideHistory
        release={release}
        now={now}
        canRevoke={canOverride}
        onRevoke={setRevoking}
      />
      {revoking && (
        <RevokeOverrideDialog
          entityRef={release.entityRef}
          version={release.version}
          override={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={() => {
            setRevoking(undefined);
            props.onChanged();
          }}
        />
      )}
      {overriding && (
        <OverrideDialog
          entityRef={release.entityRef}
          version={release.version}
          environment={overriding}
          maxOverrideDays={release.maxOverrideDays}
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
