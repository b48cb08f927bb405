import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { formatTime } from '../shared/format';
import { useScorecardLink } from '../shared/useScorecardLink';

/** How far ahead "soon" looks. */
export const EXPIRING_WITHIN_DAYS = 7;

/** A full semver version (`5.2.0`, `5.2.0-rc.1`): a range that names one release. */
const ONE_VERSION =
  /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The release a waiver's versions name, when they name one (not a range). */
function releaseOf(versionRange: string): string | undefined {
  return ONE_VERSION.test(versionRange) ? versionRange : undefined;
}

/**
 * The active waivers that expire within a week, soonest first, for the home page: each linked
 * to its entity's scorecards tab (opened on the release when the waiver names one version),
 * with the check, the environment and the expiry, so the gates they hold open are fixed or the
 * waivers renewed in time.
 */
export function ExpiringWaiversWidget() {
  const api = useApi(scorecardsApiRef);
  const scorecardLink = useScorecardLink();
  const { value, loading, error } = useAsync(
    () => api.listWaivers({ expiringWithinDays: EXPIRING_WITHIN_DAYS }),
    [api],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.length) {
    return (
      <Typography variant="body2">
        No waiver expires in the next {EXPIRING_WITHIN_DAYS} days.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Waivers expiring soon">
      {value.map(waiver => (
        <ListItem key={waiver.id} disableGutters>
          <ListItemText
            primary={
              <Link
                to={scorecardLink(
                  waiver.entityRef,
                  releaseOf(waiver.versionRange),
                )}
              >
                {parseEntityRef(waiver.entityRef).name} {waiver.versionRange}
              </Link>
            }
            secondary={`${waiver.checkId} waived for ${
              waiver.environment
            }; expires ${formatTime(waiver.expiresAt)}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
