import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, List, ListItem, Typography } from '@material-ui/core';
import {
  EffectiveGate,
  GateOverride,
  GateReason,
  ReleaseRecord,
  effectiveGates,
  isOverrideActive,
  scorecardsGateOverridePermission,
  scorecardsWaiverRequestPermission,
} from '@waybill/plugin-scorecards-common';
import { useState } from 'react';
import { GateChip } from '../shared/chips';
import { formatLocalTime, formatTime } from '../shared/format';
import { WrappingListItemText } from '../shared/WrappingListItemText';
import { GateReasons } from './GateReasons';
import { OverrideDialog } from './OverrideDialog';
import { RequestWaiverDialog } from './RequestWaiverDialog';
import { RevokeOverrideDialog } from './RevokeOverrideDialog';

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

/** One environment's gate: its decision, the control to override it, and the reasons behind it. */
function Gate(props: {
  gate: EffectiveGate;
  release: ReleaseRecord;
  now: Date;
  canOverride: boolean;
  canRequestWaiver: boolean;
  onOverride: () => void;
  onRequestWaiver: (reason: GateReason) => void;
}) {
  const { gate, release } = props;
  const reasons =
    release.evaluation?.gates.find(g => g.environment === gate.environment)
      ?.reasons ?? [];
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="center" style={{ gap: 12 }}>
        <GateChip
          environment={gate.environment}
          decision={gate.decision}
          policyDecision={gate.policyDecision}
          overridden={gate.override !== null}
          waivers={gate.waivers.length}
        />
        {props.canOverride && gate.decision === 'fail' && (
          <Button size="small" variant="outlined" onClick={props.onOverride}>
            Override {gate.environment} gate
          </Button>
        )}
      </Box>
      <GateReasons
        environment={gate.environment}
        version={release.version}
        reasons={reasons}
        waivers={release.waivers}
        now={props.now}
        canRequestWaiver={props.canRequestWaiver}
        onRequestWaiver={props.onRequestWaiver}
      />
    </Box>
  );
}

/**
 * Each environment's gate (after active waivers and overrides) with the reasons behind it, the
 * overrides on record, and, for people holding the permissions, the controls to override a
 * failing gate and to request a waiver of a failing check.
 */
export function ReleaseGates(props: {
  release: ReleaseRecord;
  onChanged: () => void;
}) {
  const { release } = props;
  const { allowed: canOverride } = usePermission({
    permission: scorecardsGateOverridePermission,
  });
  const { allowed: canRequestWaiver } = usePermission({
    permission: scorecardsWaiverRequestPermission,
  });
  const [overriding, setOverriding] = useState<string>();
  const [waiving, setWaiving] = useState<{
    environment: string;
    reason: GateReason;
  }>();
  const [revoking, setRevoking] = useState<GateOverride>();
  const changed = () => {
    setOverriding(undefined);
    setWaiving(undefined);
    setRevoking(undefined);
    props.onChanged();
  };
  const now = new Date();
  return (
    <InfoCard title="Promotion gates">
      {effectiveGates(release, now).map(gate => (
        <Gate
          key={gate.environment}
          gate={gate}
          release={release}
          now={now}
          canOverride={canOverride}
          canRequestWaiver={canRequestWaiver}
          onOverride={() => setOverriding(gate.environment)}
          onRequestWaiver={reason =>
            setWaiving({ environment: gate.environment, reason })
          }
        />
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
          onRevoked={changed}
        />
      )}
      {waiving && (
        <RequestWaiverDialog
          release={release}
          environment={waiving.environment}
          check={waiving.reason}
          onClose={() => setWaiving(undefined)}
          onRequested={changed}
        />
      )}
      {overriding && (
        <OverrideDialog
          entityRef={release.entityRef}
          version={release.version}
          environment={overriding}
          maxOverrideDays={release.maxOverrideDays}
          onClose={() => setOverriding(undefined)}
          onOverridden={changed}
        />
      )}
    </InfoCard>
  );
}
