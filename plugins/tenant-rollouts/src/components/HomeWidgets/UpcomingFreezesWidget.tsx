import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { freezeCalendarRouteRef } from '../../routes';
import { formatRelative, formatSpan } from '../shared/format';
import { upcomingFreezes } from './attention';

/** How far ahead the home page looks for freezes. */
const HORIZON_DAYS = 7;

/**
 * The home page's freezes of the coming week: each occurrence with its local time, the zones it
 * is read in and the tenants it holds, linked to the freeze calendar.
 */
export function UpcomingFreezesWidget() {
  const api = useApi(tenantRolloutsApiRef);
  const calendarLink = useRouteRef(freezeCalendarRouteRef);
  const { value, loading, error } = useAsync(async () => {
    const from = new Date();
    const to = new Date(from.getTime() + HORIZON_DAYS * 86_400_000);
    return upcomingFreezes(await api.getFreezeCalendar({ from, to }));
  }, [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const calendar = (
    <RouterLink to={calendarLink()}>Open the freeze calendar</RouterLink>
  );
  if (!value?.length) {
    return (
      <Typography variant="body2">
        No freeze in the next {HORIZON_DAYS} days. {calendar}.
      </Typography>
    );
  }
  return (
    <>
      <List dense aria-label="Freezes in the coming week">
        {value.map(freeze => (
          <ListItem key={`${freeze.windowId}@${freeze.start}`} disableGutters>
            <ListItemText
              primary={`${freeze.title}: ${formatSpan(
                freeze.localStart,
                freeze.localEnd,
              )} local time (${formatRelative(freeze.start)})`}
              secondary={`${freeze.tenants.toLocaleString(
                'en-US',
              )} tenants, in ${freeze.zones.join(', ')}`}
            />
          </ListItem>
        ))}
      </List>
      <Typography variant="body2">{calendar}</Typography>
    </>
  );
}
