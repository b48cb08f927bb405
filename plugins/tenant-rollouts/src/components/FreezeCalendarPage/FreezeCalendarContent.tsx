import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Grid, LinearProgress, Typography } from '@material-ui/core';
import { FreezeCalendar } from '@waybill/plugin-tenant-rollouts-common';
import { useMemo } from 'react';
import { FreezeTimeline } from './FreezeTimeline';
import { NextFreezesTable } from './NextFreezesTable';
import { NoFreezeWindowsHint } from './NoFreezeWindowsHint';
import { nextOccurrences } from './timeline';

/** Occurrences listed below the timeline. */
export const NEXT_FREEZES = 20;

/** The calendar's cards: the timeline and the freezes coming next; or why there are none. */
export function FreezeCalendarContent(props: {
  calendar: { value?: FreezeCalendar; error?: Error; loading: boolean };
  days: number;
  range: { from: Date; to: Date };
  now: Date;
}) {
  const { calendar, days, range, now } = props;
  const next = useMemo(
    () => nextOccurrences(calendar.value?.windows ?? [], now, NEXT_FREEZES),
    [calendar.value, now],
  );
  if (calendar.error) return <ResponseErrorPanel error={calendar.error} />;
  if (!calendar.value) return <Progress />;
  if (calendar.value.windows.length === 0) return <NoFreezeWindowsHint />;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Freeze windows"
          subheader={`The next ${days} days; hover over a bar for its local times, zones and tenants`}
        >
          {calendar.loading && <LinearProgress />}
          <FreezeTimeline
            windows={calendar.value.windows}
            range={range}
            now={now}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Next freezes">
          {next.length > 0 ? (
            <NextFreezesTable occurrences={next} />
          ) : (
            <Typography variant="body2">
              No freeze in the next {days} days.
            </Typography>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
