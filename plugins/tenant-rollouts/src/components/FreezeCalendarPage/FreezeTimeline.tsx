import { makeStyles, Tooltip, Typography } from '@material-ui/core';
import type {
  CalendarOccurrence,
  CalendarWindow,
} from '@waybill/plugin-tenant-rollouts-common';
import { memo } from 'react';
import {
  formatSpan,
  formatTenants,
  formatTime,
  scheduleInWords,
} from '../shared/format';
import { groupByScope, monthTicks, positionOf, spanOf } from './timeline';

type Range = { from: Date; to: Date };

/** Past this share of the axis (in %), a month's label goes left of its line. */
const TICK_AT_END = 85;

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 30%) 1fr',
    columnGap: theme.spacing(2),
    alignItems: 'center',
    minHeight: 48,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  axis: { position: 'relative', height: 24 },
  tick: {
    position: 'absolute',
    bottom: 0,
    paddingLeft: 4,
    borderLeft: `1px solid ${theme.palette.divider}`,
    whiteSpace: 'nowrap',
    ...theme.typography.caption,
    color: theme.palette.text.secondary,
  },
  // A tick near the end is labelled to the left of its line, so it stays inside the card.
  tickAtEnd: {
    paddingLeft: 0,
    paddingRight: 4,
    borderLeft: 'none',
    borderRight: `1px solid ${theme.palette.divider}`,
  },
  nowLabel: {
    position: 'absolute',
    top: 0,
    transform: 'translateX(-50%)',
    ...theme.typography.caption,
    fontWeight: theme.typography.fontWeightBold as number,
    // The error text colour: the main red is below WCAG AA's 4.5:1 on white.
    color: theme.palette.errorText,
  },
  group: { marginTop: theme.spacing(2) },
  label: { padding: theme.spacing(0.5, 0), minWidth: 0 },
  caption: {
    display: 'block',
    color: theme.palette.text.secondary,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  track: {
    position: 'relative',
    height: 20,
    backgroundColor: theme.palette.action.hover,
    borderRadius: 2,
  },
  bar: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    minWidth: 3,
    borderRadius: 2,
    backgroundColor: theme.palette.status.warning,
    '&:hover': { backgroundColor: theme.palette.status.error },
  },
  now: {
    position: 'absolute',
    top: -4,
    bottom: -4,
    width: 2,
    marginLeft: -1,
    backgroundColor: theme.palette.error.main,
    pointerEvents: 'none',
  },
}));

/** One occurrence's details: local times, the zones it is read in and the tenants it holds. */
function OccurrenceDetail(props: {
  window: CalendarWindow;
  occurrence: CalendarOccurrence;
}) {
  const { window, occurrence } = props;
  return (
    <>
      <strong>{window.title}</strong>
      <br />
      {formatSpan(occurrence.localStart, occurrence.localEnd)}{' '}
      {window.timeZone ?? 'local'}
      <br />
      {formatTime(occurrence.start)} → {formatTime(occurrence.end)}
      <br />
      {occurrence.zones.join(', ')}
      <br />
      {formatTenants(occurrence.tenants)}
    </>
  );
}

/** A window's row: what it is, then a bar for each of its occurrences in the range. */
function WindowRow(props: {
  window: CalendarWindow;
  range: Range;
  now: number | undefined;
}) {
  const classes = useStyles();
  const { window, range, now } = props;
  const schedule = scheduleInWords(window.schedule, window.timeZone);
  return (
    <div className={classes.row}>
      <div className={classes.label}>
        <Typography variant="body2">{window.title}</Typography>
        <Typography variant="caption" className={classes.caption}>
          {schedule} · {formatTenants(window.tenants)}
        </Typography>
        {window.reason && (
          <Typography
            variant="caption"
            className={classes.caption}
            title={window.reason}
          >
            {window.reason}
          </Typography>
        )}
      </div>
      <div className={classes.track}>
        {window.occurrences.map(occurrence => {
          const span = spanOf(occurrence, range);
          if (!span) return null;
          return (
            <Tooltip
              key={`${occurrence.localStart}/${occurrence.localEnd}`}
              title={
                <OccurrenceDetail window={window} occurrence={occurrence} />
              }
            >
              <div
                role="img"
                aria-label={`${window.title} ${occurrence.localStart} → ${occurrence.localEnd}`}
                className={classes.bar}
                style={{ left: `${span.left}%`, width: `${span.width}%` }}
              />
            </Tooltip>
          );
        })}
        {now !== undefined && (
          <div className={classes.now} style={{ left: `${now}%` }} />
        )}
      </div>
    </div>
  );
}

/**
 * The freeze windows over a range: one row per window, grouped by whom it covers, with a bar per
 * occurrence (from the first zone to open to the last to close), month ticks along the top and
 * a line at `now`.
 */
export const FreezeTimeline = memo(function FreezeTimelineContent(props: {
  windows: CalendarWindow[];
  range: Range;
  now: Date;
}) {
  const classes = useStyles();
  const { windows, range } = props;
  const now = positionOf(props.now, range);
  return (
    <div>
      <div className={classes.row} aria-hidden>
        <Typography variant="caption" color="textSecondary">
          Bars span the first zone to open to the last to close (UTC axis)
        </Typography>
        <div className={classes.axis}>
          {monthTicks(range).map(tick => (
            <span
              key={tick.label}
              className={
                tick.left > TICK_AT_END
                  ? `${classes.tick} ${classes.tickAtEnd}`
                  : classes.tick
              }
              style={
                tick.left > TICK_AT_END
                  ? { right: `${100 - tick.left}%` }
                  : { left: `${tick.left}%` }
              }
            >
              {tick.label}
            </span>
          ))}
          {now !== undefined && (
            <span className={classes.nowLabel} style={{ left: `${now}%` }}>
              now
            </span>
          )}
        </div>
      </div>
      {groupByScope(windows).map(group => (
        <div
          key={group.scope}
          role="group"
          aria-label={group.scope}
          className={classes.group}
        >
          <Typography variant="subtitle2" component="h3">
            {group.scope}
          </Typography>
          {group.windows.map(window => (
            <WindowRow
              key={window.id}
              window={window}
              range={range}
              now={now}
            />
          ))}
        </div>
      ))}
    </div>
  );
});
