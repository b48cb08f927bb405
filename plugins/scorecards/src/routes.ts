import { ENTITY_TABS } from '@waybill/plugin-waybill-common';
import { createRouteRef } from '@backstage/core-plugin-api';

/** The portfolio page, `/scorecards` by default. */
export const rootRouteRef = createRouteRef({ id: 'scorecards' });

/** Path of the entity tab below an entity's page, in both frontend systems (see the README). */
export const ENTITY_TAB_PATH = ENTITY_TABS.scorecards.path;
