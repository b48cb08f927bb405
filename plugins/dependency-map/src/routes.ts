import { ENTITY_TABS } from '@waybill/plugin-waybill-common';
import { createRouteRef } from '@backstage/core-plugin-api';

/** The dependency map page, `/dependency-map` by default; the planner is below it. */
export const rootRouteRef = createRouteRef({ id: 'dependency-map' });

/** Path of the release-train planner below the dependency map page. */
export const RELEASE_TRAIN_PATH = 'release-train';

/** Path of the entity tab below an entity's page, in both frontend systems (see the README). */
export const ENTITY_TAB_PATH = ENTITY_TABS.dependencies.path;
