import { InfoCard } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Typography } from '@material-ui/core';
import {
  ReleaseRecord,
  scorecardsWaiverApprovePermission,
  Waiver,
  waiverStatus,
} from '@waybill/plugin-scorecards-common';
import { DataTable } from '@waybill/plugin-waybill-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { formatLocalTime, formatTime } from '../shared/format';
import { ApproveWaiverDialog } from './ApproveWaiverDialog';
import { RevokeWaiverDialog } from './RevokeWaiverDialog';
import { checkTitle, waiverName } from './waiverText';

/** A waiver's status at `now` in words; a revoked one says who revoked it, when and why. */
function statusText(waiver: Waiver, now: Date): string {
  const status = waiverStatus(waiver, now);
  if (status === 'revoked') {
    return `revoked by ${waiver.revokedBy} on ${formatLocalTime(
      waiver.revokedAt!,
    )}: ${waiver.revokeReason}`;
  }
  return status === 'pending' ? 'pending approval' : status;
}

/** Who may do what with the waivers, as the backend decides it. */
interface WaiverAbilities {
  /** The signed-in user, once known. */
  userEntityRef?: string;
  /** Holds `scorecards.waiver.approve`: approves others' waivers, revokes any. */
  canApprove: boolean;
}

const isRequester = (waiver: Waiver, abilities: WaiverAbilities) =>
  abilities.userEntityRef?.toLowerCase() === waiver.requestedBy.toLowerCase();

/**
 * A waiver's buttons: Approve for a pending one (disabled, and saying why, for the person who
 * asked), Revoke for a pending or active one (for the person who asked, and approvers).
 */
function WaiverActions(props: {
  waiver: Waiver;
  title: string;
  now: Date;
  abilities: WaiverAbilities;
  onApprove: () => void;
  onRevoke: () => void;
}) {
  const { waiver, abilities } = props;
  const status = waiverStatus(waiver, props.now);
  const own = isRequester(waiver, abilities);
  const name = waiverName(waiver, props.title);
  const ownNoteId = `waiver-${waiver.id}-own`;
  const approvable = status === 'pending' && abilities.canApprove;
  const revocable =
    (status === 'pending' || status === 'active') &&
    (own || abilities.canApprove);
  if (!approvable && !revocable) return null;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
      {approvable && (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          aria-label={`Approve ${name}`}
          aria-describedby={own ? ownNoteId : undefined}
          disabled={own}
          onClick={props.onApprove}
        >
          Approve
        </Button>
      )}
      {revocable && (
        <Button
          size="small"
          variant="outlined"
          aria-label={`Revoke ${name}`}
          onClick={props.onRevoke}
        >
          Revoke
        </Button>
      )}
      {approvable && own && (
        <Typography id={ownNoteId} variant="caption" color="textSecondary">
          You asked for this waiver: another person must approve it.
        </Typography>
      )}
    </Box>
  );
}

/** The waivers, a row each, with their buttons. */
function WaiverTable(props: {
  waivers: Waiver[];
  /** The waived check's title. */
  title: (waiver: Waiver) => string;
  now: Date;
  abilities: WaiverAbilities;
  onApprove: (waiver: Waiver) => void;
  onRevoke: (waiver: Waiver) => void;
}) {
  const { title, now } = props;
  return (
    <DataTable
      aria-label="Waivers"
      rows={props.waivers}
      rowKey={w => w.id}
      columns={[
        { header: 'Check', minWidth: 160, cell: title },
        { header: 'Environment', cell: w => w.environment },
        { header: 'Versions', nowrap: true, cell: w => w.versionRange },
        { header: 'Status', minWidth: 120, cell: w => statusText(w, now) },
        {
          header: 'Requested by',
          cell: w => `${w.requestedBy} on ${formatTime(w.requestedAt)}`,
        },
        {
          header: 'Approved by',
          cell: w =>
            w.approvedBy && w.approvedAt
              ? `${w.approvedBy} on ${formatTime(w.approvedAt)}`
              : '—',
        },
        { header: 'Expires', cell: w => formatTime(w.expiresAt) },
        { header: 'Reason', minWidth: 200, cell: w => w.reason },
        {
          header: 'Actions',
          cell: w => (
            <WaiverActions
              waiver={w}
              title={title(w)}
              now={now}
              abilities={props.abilities}
              onApprove={() => props.onApprove(w)}
              onRevoke={() => props.onRevoke(w)}
            />
          ),
        },
      ]}
    />
  );
}

/**
 * The waivers whose versions include the release, in every status, each with its check,
 * environment, versions, status, requester, approver, expiry and reason; approvers approve
 * others' pending waivers, and the requester or an approver revokes a pending or active one.
 */
export function ReleaseWaivers(props: {
  release: ReleaseRecord;
  onChanged: () => void;
}) {
  const { release } = props;
  const identityApi = useApi(identityApiRef);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const { allowed: canApprove } = usePermission({
    permission: scorecardsWaiverApprovePermission,
  });
  const abilities: WaiverAbilities = {
    userEntityRef: identity.value?.userEntityRef,
    canApprove,
  };
  const [approving, setApproving] = useState<Waiver>();
  const [revoking, setRevoking] = useState<Waiver>();
  const now = new Date();
  const title = (waiver: Waiver) => {
    const check = checkTitle(release.evaluation, waiver.checkId);
    const what = waiver.finding ? `${check}: ${waiver.finding}` : check;
    return waiver.tenantSegment
      ? `${what} (${waiver.tenantSegment} tenants)`
      : what;
  };
  const changed = () => {
    setApproving(undefined);
    setRevoking(undefined);
    props.onChanged();
  };
  return (
    <InfoCard
      title="Waivers"
      subheader="Each leaves one failing check (or one finding it counts) out of one environment's gate, once another person approves it, until it expires"
    >
      {release.waivers.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No waiver covers this release.
        </Typography>
      ) : (
        <WaiverTable
          waivers={release.waivers}
          title={title}
          now={now}
          abilities={abilities}
          onApprove={setApproving}
          onRevoke={setRevoking}
        />
      )}
      {approving && (
        <ApproveWaiverDialog
          waiver={approving}
          title={title(approving)}
          onClose={() => setApproving(undefined)}
          onApproved={changed}
        />
      )}
      {revoking && (
        <RevokeWaiverDialog
          waiver={revoking}
          title={title(revoking)}
          onClose={() => setRevoking(undefined)}
          onRevoked={changed}
        />
      )}
    </InfoCard>
  );
}
