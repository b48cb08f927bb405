import { Button, List, ListItem } from '@material-ui/core';
import {
  coversVersion,
  GateReason,
  Waiver,
  waiverStatus,
} from '@waybill/plugin-scorecards-common';
import { FixHint } from '../shared/FixHint';
import { formatTime } from '../shared/format';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** The waiver of a check in an environment covering the release that is active, else one pending. */
function waiverOf(
  reason: GateReason,
  gate: { environment: string; version: string; waivers: readonly Waiver[] },
  now: Date,
): { waiver: Waiver; status: 'active' | 'pending' } | undefined {
  const candidates = gate.waivers.filter(
    w =>
      w.environment === gate.environment &&
      w.checkId === reason.checkId &&
      coversVersion(w.versionRange, gate.version),
  );
  for (const status of ['active', 'pending'] as const) {
    const waiver = candidates.find(w => waiverStatus(w, now) === status);
    if (waiver) return { waiver, status };
  }
  return undefined;
}

/** What a waiver does to a reason, in words after the fix hint. */
function waiverNote(found: ReturnType<typeof waiverOf>): string {
  if (!found) return '';
  const { waiver, status } = found;
  return status === 'active'
    ? ` Waived until ${formatTime(waiver.expiresAt)}, asked for by ${
        waiver.requestedBy
      } and approved by ${waiver.approvedBy}.`
    : ` A waiver asked for by ${waiver.requestedBy} awaits approval.`;
}

/**
 * The failing or missing checks behind an environment's gate decision, each with its fix; a
 * check an active waiver leaves out reads "Waived", one with a waiver pending says so, and the
 * others offer to request a waiver (for people who may).
 */
export function GateReasons(props: {
  environment: string;
  version: string;
  reasons: GateReason[];
  /** The release's waivers, in every status. */
  waivers: readonly Waiver[];
  now: Date;
  canRequestWaiver: boolean;
  onRequestWaiver: (reason: GateReason) => void;
}) {
  return (
    <List dense aria-label={`Checks behind the ${props.environment} gate`}>
      {props.reasons.map(reason => {
        const found = waiverOf(reason, props, props.now);
        let effect = reason.enforcement === 'fail' ? 'Blocks' : 'Warns';
        if (found?.status === 'active') effect = 'Waived';
        return (
          <ListItem key={reason.checkId} disableGutters>
            <WrappingListItemText
              primary={`${effect}: ${reason.title} (${reason.status}). ${reason.reason}`}
              secondary={
                <>
                  Fix: <FixHint hint={reason.fixHint} />
                  {waiverNote(found)}
                </>
              }
            />
            {props.canRequestWaiver && !found && (
              <Button
                size="small"
                variant="outlined"
                aria-label={`Request waiver of ${reason.title} for ${props.environment}`}
                onClick={() => props.onRequestWaiver(reason)}
              >
                Request waiver
              </Button>
            )}
          </ListItem>
        );
      })}
    </List>
  );
}
