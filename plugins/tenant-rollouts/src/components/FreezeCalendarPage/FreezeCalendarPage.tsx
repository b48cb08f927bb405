import {
  Content,
  ContentHeader,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid, LinearProgress, Typography } from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { RolloutsHeader } from '../RolloutsPage/RolloutsHeader';
import { FreezeTimeline } from './FreezeTimeline';
import { NextFreezesTable } from './NextFreezesTable';
import { NoFreezeWindowsHint } from './NoFreezeWindowsHint';
import {
  calendarRange,
  nextOccurrences,
  RANGE_DAYS,
  RangeDays,
  rangeDaysOf,
} from './timeline';

/** Occurrences listed below the timeline. */
export const NEXT_FREEZES = 20;

/**
 * The freeze calendar: every configured freeze window over the next 30, 90 or 180 days
 * (`?days=`), grouped by whom it covers, and the freezes coming next.
 */
export function FreezeCalendarPage() {
  const api = useApi(tenantRolloutsApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const days = rangeDaysOf(searchParams.get('days'));
  // The range and "now" are taken when the range changes, so re-renders do not refetch.
  const { range, now } = useMemo(() => {
    const at = new Date();
    return { range: calendarRange(at, days), now: at };
  }, [days]);
  const calendar = useAsync(() => api.getFreezeCalendar(range), [api, range]);
  const next = useMemo(
    () => nextOccurrences(calendar.value?.windows ?? [], now, NEXT_FREEZES),
    [calendar.value, now],
  );

  const setDays = (value: RangeDays | null) => {
    if (value === null) return;
    setSearchParams(
      params => {
        params.set('days', String(value));
        return params;
      },
      { replace: true },
    );
  };

  let body;
  if (calendar.error) {
    body = <ResponseErrorPanel error={calendar.error} />;
  } else if (!calendar.value) {
    body = <Progress />;
  } else if (calendar.value.windows.length === 0) {
    body = <NoFreezeWindowsHint />;
  } else {
    body = (
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

  return (
    <Page themeId="tool">
      <RolloutsHeader selected="freeze-calendar" />
      <Content>
        <ContentHeader title="Freeze calendar">
          <ToggleButtonGroup
            exclusive
            size="small"
            value={days}
            onChange={(_, value) => setDays(value)}
            aria-label="Range"
          >
            {RANGE_DAYS.map(option => (
              <ToggleButton
                key={option}
                value={option}
                aria-label={`Next ${option} days`}
              >
                {option} days
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
}
