import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { DeployOrder } from '@waybill/plugin-dependency-map-common';
import { Link as RouterLink } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

/** Where the entity's stage sits: first, or after what (of what it needs directly). */
function StageText(props: {
  title: string;
  order: DeployOrder;
  entityRef: string;
  upstreamRefs: Set<string>;
  titleOf(ref: string): string;
}) {
  const { title, order, entityRef, titleOf } = props;
  const stage = order.stages.find(s => s.entityRefs.includes(entityRef));
  if (!stage) {
    return (
      <Typography variant="body2" paragraph>
        {title} is not deployed on its own, so it has no deploy stage: it goes
        out with its provider.
      </Typography>
    );
  }
  const before = order.stages.slice(0, stage.index).flatMap(s => s.entityRefs);
  const mustPrecede = before.filter(ref => props.upstreamRefs.has(ref));
  return (
    <>
      <Typography variant="h5" component="p">
        Deploy stage {stage.index + 1} of {order.stages.length}
      </Typography>
      <Typography variant="body2" paragraph>
        {stage.index === 0
          ? `${title} goes out in the first deploy stage: it needs nothing deployed before it.`
          : `${before.length} deployables go out in earlier stages${
              mustPrecede.length > 0
                ? `, among them what ${title} needs directly: ${mustPrecede
                    .map(titleOf)
                    .join(', ')}`
                : ''
            }. ${stage.entityRefs.length - 1} others share its stage.`}
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
  /** Titles of every ref, known to the tab or not (cycle members). */
  titleOf(ref: string): string;
}) {
  const rootLink = useRouteRef(rootRouteRef);
  const { order, entityRef } = props;
  const blockers = order.blockers.filter(b => b.entityRefs.includes(entityRef));
  return (
    <InfoCard title="Deploy order">
      <StageText {...props} />
      {blockers.map((b, i) => (
        <Alert key={i} severity="warning">
          Cycle: {b.entityRefs.map(props.titleOf).join(' ⇄ ')}. {b.message}
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
