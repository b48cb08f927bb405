import { Link } from '@backstage/core-components';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import {
  BakeBlocker,
  Blocker,
  FreezeBlocker,
  GateBlocker,
  HealthBlocker,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  formatLocalTime,
  formatOpensAt,
  formatTimeLeft,
} from '../shared/format';
import { useScorecardLink } from '../shared/scorecardLink';
import { ReactNode } from 'react';

/** What each kind of blocker is called. */
export const KIND_LABELS: Record<Blocker['kind'], string> = {
  gate: 'Scorecard gate',
  health: 'Wave health',
  bake: 'Bake time',
  freeze: 'Freeze window',
};

/** Tenants listed before "and N more". */
const SHOWN_TENANTS = 20;

const useStyles = makeStyles(theme => ({
  blockers: { margin: 0, paddingLeft: theme.spacing(2.5) },
  blocker: { marginBottom: theme.spacing(0.5) },
  list: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
}));

const waveName = (wave: { index: number; name: string }) =>
  `Wave ${wave.index} (${wave.name})`;

/** The rest of a list: `and 3 more`, `and 2 you may not read`. */
function Rest(props: { more: number; hidden: number }) {
  const parts = [
    props.more > 0 && `${props.more} more`,
    props.hidden > 0 && `${props.hidden} you may not read`,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <li>
      <Typography variant="body2">and {parts.join(' and ')}</Typography>
    </li>
  );
}

/**
 * The tenants a blocker lists, the first {@link SHOWN_TENANTS} each on a line (`line` says what of
 * it matters), then how many more there are (those not shown, and the `unlisted` ones the backend
 * left out of the list) and how many of `total` the reader may not read.
 */
function TenantList<T extends { ref: string }>(props: {
  label: string;
  tenants: T[];
  unlisted: number;
  total: number;
  line: (tenant: T) => ReactNode;
}) {
  const classes = useStyles();
  const { tenants, unlisted } = props;
  const shown = tenants.slice(0, SHOWN_TENANTS);
  return (
    <ul className={classes.list} aria-label={props.label}>
      {shown.map(tenant => (
        <li key={tenant.ref}>
          <Typography variant="body2">{props.line(tenant)}</Typography>
        </li>
      ))}
      <Rest
        more={tenants.length - shown.length + unlisted}
        hidden={props.total - tenants.length - unlisted}
      />
    </ul>
  );
}

/** The gate's decision and the checks behind it, linked to the release's scorecard. */
function GateItem(props: { blocker: GateBlocker }) {
  const classes = useStyles();
  const { gate } = props.blocker;
  const scorecardLink = useScorecardLink();
  const { primaryTitle } = useEntityPresentation(gate.entityRef);
  const absent = gate.decision === 'absent';
  return (
    <>
      <Typography variant="body2">
        <strong>{KIND_LABELS.gate}:</strong>{' '}
        {absent
          ? gate.message
          : `${primaryTitle} ${gate.version} ${
              gate.decision === 'fail' ? 'fails' : 'is held at'
            } the ${gate.environment} gate`}
      </Typography>
      {gate.reasons.length > 0 && (
        <ul className={classes.list} aria-label="Gate checks">
          {gate.reasons.map(reason => (
            <li key={reason.checkId || reason.title}>
              <Typography variant="body2">
                {reason.title}
                {reason.reason ? `: ${reason.reason}` : ''}
                {reason.enforcement === 'warn' ? ' (warns only)' : ''}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      <Typography variant="body2">
        <Link to={scorecardLink(gate.entityRef, gate.version)}>
          Open the scorecard of {primaryTitle} {gate.version}
        </Link>
      </Typography>
    </>
  );
}

/** How healthy the current wave is against what it needs, naming the failing tenants. */
function HealthItem(props: { blocker: HealthBlocker }) {
  const { blocker } = props;
  const unsettled = blocker.total - blocker.healthy - blocker.failing;
  return (
    <>
      <Typography variant="body2">
        <strong>{KIND_LABELS.health}:</strong> {waveName(blocker.wave)} is{' '}
        {blocker.healthy} of {blocker.total} healthy and needs {blocker.needed}{' '}
        ({Math.round(blocker.healthThreshold * 100)}%)
        {blocker.failing > 0 ? `; ${blocker.failing} failing` : ''}
        {unsettled > 0 ? `; ${unsettled} still pending or deploying` : ''}
      </Typography>
      {blocker.failing > 0 && (
        <TenantList
          label="Failing tenants"
          tenants={blocker.tenants}
          unlisted={blocker.unlisted}
          total={blocker.failing}
          line={tenant =>
            `${tenant.title}: ${tenant.status}${
              tenant.detail ? ` (${tenant.detail})` : ''
            }`
          }
        />
      )}
    </>
  );
}

/** How long the current wave still bakes, and until when in the reader's time. */
function BakeItem(props: { blocker: BakeBlocker; now: Date }) {
  const { blocker } = props;
  return (
    <Typography variant="body2">
      <strong>{KIND_LABELS.bake}:</strong> {waveName(blocker.wave)} bakes{' '}
      {blocker.bakeMinutes} minutes after its last status change;{' '}
      {formatTimeLeft(blocker.until, props.now)} left, until{' '}
      {formatLocalTime(blocker.until)}
    </Typography>
  );
}

/** The frozen tenants of the next wave: their windows and when each opens, in the reader's time. */
function FreezeItem(props: { blocker: FreezeBlocker; now: Date }) {
  const { blocker, now } = props;
  return (
    <>
      <Typography variant="body2">
        <strong>{KIND_LABELS.freeze}:</strong> {blocker.frozen} tenant(s) of
        wave {blocker.wave.index} ({blocker.wave.name}) are held back by freeze
        windows until {formatOpensAt(blocker.opensAt, now)}
      </Typography>
      <TenantList
        label="Frozen tenants"
        tenants={blocker.tenants}
        unlisted={blocker.unlisted}
        total={blocker.frozen}
        line={tenant =>
          `${tenant.title}: ${tenant.windows
            .map(w => w.title)
            .join(', ')}; opens ${formatOpensAt(tenant.opensAt, now)}`
        }
      />
    </>
  );
}

/**
 * What blocks an action, each blocker in titles and the reader's local time, the gate linked to
 * the release's scorecard. `now` is what time left is counted from.
 */
export function BlockerList(props: { blockers: Blocker[]; now?: Date }) {
  const classes = useStyles();
  const now = props.now ?? new Date();
  return (
    <ul className={classes.blockers} aria-label="Blockers">
      {props.blockers.map(blocker => (
        <li
          key={`${blocker.kind}:${blocker.message}`}
          className={classes.blocker}
        >
          {blocker.kind === 'gate' && <GateItem blocker={blocker} />}
          {blocker.kind === 'health' && <HealthItem blocker={blocker} />}
          {blocker.kind === 'bake' && <BakeItem blocker={blocker} now={now} />}
          {blocker.kind === 'freeze' && (
            <FreezeItem blocker={blocker} now={now} />
          )}
        </li>
      ))}
    </ul>
  );
}
