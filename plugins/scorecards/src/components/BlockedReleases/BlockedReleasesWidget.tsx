import {
  identityApiRef,
  useApi,
  useRouteRef,
} from '@backstage/core-plugin-api';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { searchParamsFromView } from '../PortfolioPage/portfolioView';
import { useScorecardLink } from '../shared/useScorecardLink';
import { blockedReleases } from './blockedReleases';

/** How many of an owner's releases are read; a team owns far fewer scored services. */
const PAGE_SIZE = 200;

/** The portfolio's view of every latest release that production's gate blocks, lowest score first. */
const BLOCKED_FOR_PRODUCTION = searchParamsFromView({
  filter: { gate: { environment: 'production', decision: 'fail' } },
  sort: 'score',
}).toString();

/** For whoever answers for more than their own services (a release manager): the estate's blocked releases. */
function EveryBlockedRelease() {
  const portfolioLink = useRouteRef(rootRouteRef);
  return (
    <Typography variant="body2">
      <Link to={`${portfolioLink()}?${BLOCKED_FOR_PRODUCTION}`}>
        Every release blocked for production
      </Link>
    </Typography>
  );
}

/**
 * The signed-in user's blocked releases, for the home page: the latest release of every service
 * they or their groups own whose gate fails in some environment, each linked to its checks; then
 * a link to every release the production gate blocks, in the portfolio.
 */
export function BlockedReleasesWidget() {
  const api = useApi(scorecardsApiRef);
  const identityApi = useApi(identityApiRef);
  const scorecardLink = useScorecardLink();
  const { value, loading, error } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const pages = await Promise.all(
      ownershipEntityRefs.map(owner =>
        api.getPortfolio({ owner, sort: 'score', limit: PAGE_SIZE }),
      ),
    );
    return blockedReleases(pages.flatMap(page => page.items));
  }, [api, identityApi]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.length) {
    return (
      <>
        <Typography variant="body2" paragraph>
          None of your services has a blocked release.
        </Typography>
        <EveryBlockedRelease />
      </>
    );
  }
  return (
    <>
      <List dense aria-label="Your blocked releases">
        {value.map(({ item, environments }) => (
          <ListItem key={item.entityRef} disableGutters>
            <ListItemText
              primary={
                <Link to={scorecardLink(item.entityRef, item.version)}>
                  {item.title} {item.version}
                </Link>
              }
              secondary={`Blocked for ${environments.join(' and ')}; score ${
                item.score
              } (${item.grade})${
                item.failingChecks.length
                  ? `; failing: ${item.failingChecks
                      .map(check => check.title)
                      .join(', ')}`
                  : ''
              }`}
            />
          </ListItem>
        ))}
      </List>
      <EveryBlockedRelease />
    </>
  );
}
