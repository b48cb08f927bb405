import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
} from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { tenantRolloutsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { RECENT_ROLLOUTS, RolloutsTable } from '../RolloutsPage/RolloutsTable';
import { rolloutsInFlight } from './attention';

/**
 * The home page's rollouts in flight: planned, running or held rollouts of the services the
 * signed-in user or their groups own, or that they created; held ones first, each linked to
 * its board.
 */
export function RolloutsInFlightWidget() {
  const api = useApi(tenantRolloutsApiRef);
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const rolloutsLink = useRouteRef(rootRouteRef);
  const { value, loading, error } = useAsync(async () => {
    const [identity, rollouts] = await Promise.all([
      identityApi.getBackstageIdentity(),
      api.listRollouts({ limit: RECENT_ROLLOUTS }),
    ]);
    const entityRefs = [...new Set(rollouts.map(r => r.entityRef))];
    if (entityRefs.length === 0) return [];
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
    });
    const mine = new Set(identity.ownershipEntityRefs);
    const owned = new Set(
      items.flatMap(entity =>
        entity?.relations?.some(
          r => r.type === 'ownedBy' && mine.has(r.targetRef),
        )
          ? [stringifyEntityRef(entity)]
          : [],
      ),
    );
    return rolloutsInFlight(rollouts, {
      userEntityRef: identity.userEntityRef,
      owned,
    });
  }, [api, catalogApi, identityApi]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.length) {
    return (
      <Typography variant="body2">
        No rollout of your services is in flight.{' '}
        <RouterLink to={rolloutsLink()}>See every rollout</RouterLink>.
      </Typography>
    );
  }
  return <RolloutsTable rollouts={value} showEntity />;
}
