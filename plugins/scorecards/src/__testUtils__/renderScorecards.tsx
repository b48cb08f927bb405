import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { mockApis } from '@backstage/test-utils';
import { httpClientOptions, renderPlugin } from '@waybill/frontend-test-utils';
import { ScorecardsClient } from '@waybill/plugin-scorecards-common';
import { ReactElement } from 'react';
import { scorecardsApiRef } from '../api';

export const inventoryEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'inventory',
    namespace: 'default',
    annotations: { 'waybill.dev/tier': 'critical' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'warehouse-systems',
  },
};

/**
 * Renders scorecards components in Backstage's test app with the real typed client, so every
 * request crosses HTTP to the msw handlers of the test; the catalog, the signed-in user
 * (`user:default/guest` unless `userEntityRef` says) and permissions are mocks. `canOverride`
 * grants every permission; `allows` decides per permission instead.
 */
export function renderScorecards(
  ui: ReactElement,
  options: {
    routeEntries?: string[];
    canOverride?: boolean;
    allows?: (permission: string) => boolean;
    userEntityRef?: string;
    catalogEntities?: Entity[];
    entity?: Entity;
  } = {},
) {
  const { canOverride, allows, userEntityRef, catalogEntities, ...rest } =
    options;
  const client = httpClientOptions();
  return renderPlugin(ui, {
    ...rest,
    apis: [
      [scorecardsApiRef, new ScorecardsClient(client)],
      [discoveryApiRef, client.discoveryApi],
      [catalogApiRef, catalogApiMock({ entities: catalogEntities })],
      [
        identityApiRef,
        mockApis.identity({
          userEntityRef: userEntityRef ?? 'user:default/guest',
        }),
      ],
    ],
    allows: allows ?? (() => Boolean(canOverride)),
  });
}
