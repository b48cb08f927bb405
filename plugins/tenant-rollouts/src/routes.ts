import { ENTITY_TABS } from '@waybill/plugin-waybill-common';
import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The rollouts page, `/tenant-rollouts` by default; the board and the freeze calendar are below it. */
export const rootRouteRef = createRouteRef({ id: 'tenant-rollouts' });

/** One rollout's board, `/tenant-rollouts/rollouts/:id`. */
export const rolloutRouteRef = createSubRouteRef({
  id: 'tenant-rollouts/rollout',
  parent: rootRouteRef,
  path: '/rollouts/:id',
});

/** The freeze calendar, `/tenant-rollouts/freeze-calendar`. */
export const freezeCalendarRouteRef = createSubRouteRef({
  id: 'tenant-rollouts/freeze-calendar',
  parent: rootRouteRef,
  path: '/freeze-calendar',
});

/** Path of the entity tab below an entity's page, in both frontend systems (see the README). */
export const ENTITY_TAB_PATH = ENTITY_TABS.rollouts.path;
