import { Content, ContentHeader, Page } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { RolloutsHeader } from '../RolloutsPage/RolloutsHeader';
import { FreezeCalendarContent } from './FreezeCalendarContent';
import { RangeToggle } from './RangeToggle';
import { calendarRange, RangeDays, rangeDaysOf } from './timeline';

export { NEXT_FREEZES } from './FreezeCalendarContent';

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

  return (
    <Page themeId="tool">
      <RolloutsHeader selected="freeze-calendar" />
      <Content>
        <ContentHeader title="Freeze calendar">
          <RangeToggle days={days} onChange={setDays} />
        </ContentHeader>
        <FreezeCalendarContent
          calendar={calendar}
          days={days}
          range={range}
          now={now}
        />
      </Content>
    </Page>
  );
}
