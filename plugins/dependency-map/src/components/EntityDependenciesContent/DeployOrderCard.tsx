import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { DeployOrder } from '@waybill/plugin-dependency-map-common';
import { Link as RouterLink } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

/** Where the entity's wave sits: first, or after what (of what it needs directly). */
function WaveText(props: {
  title: string;
  order: DeployOrder;
  entityRef: string;
  upstreamRefs: Set<string>;
}) {
  const { title, order, entityRef } = props;
  const wave = order.waves.find(w => w.entityRefs.includes(entityRef));
  if (!wave) {
    return (
      <Typography variant="body2" paragraph>
        {title} is not deployed on its own, so it has no wave: it goes out with
        its provider.
      </Typography>
    );
  }
  const before = order.waves.slice(0, wave.index).flatMap(w => w.entityRefs);
  const mustPrecede = before.filter(ref => props.upstreamRefs.has(ref));
  return (
    <>
      <Typography variant="h5" component="p">
        Wave {wave.index + 1} of {order.waves.length}
      </Typography>
      <Typography variant="body2" paragraph>
        {wave.index === 0
          ? `${title} goes out in the first wave: it needs nothing deployed before it.`
          : `${before.length} deployables go out in earlier waves${
              mustPrecede.length > 0
                ? `, among them what ${title} needs directly: ${mustPrecede.join(
                    ', ',
                  )}`
                : ''
            }. ${wave.entityRefs.length - 1} others share its wave.`}
      </Typography>
    </>
  );
}

/** The entity's place in the deploy order, the cycles it is in, and a link to the map. */
export function DeployOrderCard(props: {
  title: string;
  order: DeployOrder;
  entityRef: string;
  upstreamRefs: Set<string>;
}) {
  const rootLink = useRouteRef(rootRouteRef);
  const { order, entityRef } = props;
  const blockers = order.blockers.filter(b => b.entityRefs.includes(entityRef));
  return (
    <InfoCard title="Deploy order">
      <WaveText {...props} />
      {blockers.map((b, i) => (
        <Alert key={i} severity="warning">
          Cycle: {b.entityRefs.join(' ⇄ ')}. {b.message}
        </Alert>
      ))}
      <Box mt={1}>
        <Button
          size="small"
          variant="outlined"
          component={RouterLink}
          to={`${rootLink()}?entity=${encodeURIComponent(entityRef)}`}
        >
          Open in the dependency map
        </Button>
      </Box>
    </InfoCard>
  );
}
