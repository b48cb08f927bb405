import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { mockApis } from '@backstage/test-utils';
import { httpClientOptions, renderPlugin } from '@waybill/frontend-test-utils';
import {
  RolloutSummary,
  TenantRolloutsClient,
} from '@waybill/plugin-tenant-rollouts-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ReactElement } from 'react';
import { tenantRolloutsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  ROLLOUTS_URL,
  setupRolloutsServer,
} from '../../__testUtils__/renderRollouts';
import { MONTH_END_CLOSE } from '../../__testUtils__/fixtures';
import { RolloutsInFlightWidget } from './RolloutsInFlightWidget';
import { UpcomingFreezesWidget } from './UpcomingFreezesWidget';

const server = setupRolloutsServer();

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner },
  relations: [{ type: RELATION_OWNED_BY, targetRef: owner }],
});

const rollout = (
  id: number,
  entity: string,
  state: RolloutSummary['state'],
): RolloutSummary => ({
  id,
  entityRef: `component:default/${entity}`,
  version: `5.${id}.0`,
  environment: 'production',
  state,
  currentWave: 1,
  lockVersion: 2,
  createdBy: 'user:default/ana',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: `2026-12-0${id}T00:00:00.000Z`,
  waveCount: 4,
  tenantCount: 44,
});

function renderWidget(ui: ReactElement) {
  return renderPlugin(ui, {
    apis: [
      [tenantRolloutsApiRef, new TenantRolloutsClient(httpClientOptions())],
      [
        catalogApiRef,
        catalogApiMock({
          entities: [
            component('inventory', 'group:default/warehouse-systems'),
            component('sales', 'group:default/order-management'),
          ],
        }),
      ],
      [
        identityApiRef,
        mockApis.identity({
          userEntityRef: 'user:default/guest',
          ownershipEntityRefs: [
            'user:default/guest',
            'group:default/warehouse-systems',
          ],
        }),
      ],
    ],
    mountedRoutes: { '/tenant-rollouts': rootRouteRef },
  });
}

describe('RolloutsInFlightWidget', () => {
  it('shows the rollouts in flight of the services the user’s groups own, linked to their boards', async () => {
    server.use(
      http.get(`${ROLLOUTS_URL}/rollouts`, () =>
        HttpResponse.json({
          items: [
            rollout(1, 'inventory', 'paused'),
            rollout(2, 'inventory', 'completed'),
            rollout(3, 'sales', 'running'),
          ],
        }),
      ),
    );
    await renderWidget(<RolloutsInFlightWidget />);

    const table = await screen.findByRole('table', { name: 'Rollouts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(
      within(rows[0]).getByRole('link', { name: '5.1.0' }),
    ).toHaveAttribute('href', '/tenant-rollouts/rollouts/1');
  });

  it('says so when nothing of the user’s is in flight', async () => {
    server.use(
      http.get(`${ROLLOUTS_URL}/rollouts`, () =>
        HttpResponse.json({ items: [rollout(3, 'sales', 'running')] }),
      ),
    );
    await renderWidget(<RolloutsInFlightWidget />);

    expect(
      await screen.findByText(/No rollout of your services is in flight/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See every rollout' }),
    ).toHaveAttribute('href', '/tenant-rollouts');
  });
});

describe('UpcomingFreezesWidget', () => {
  it('asks for the coming week and lists each freeze in local time, with its tenants', async () => {
    let range: { from: number; to: number } | undefined;
    server.use(
      http.get(`${ROLLOUTS_URL}/freeze-calendar`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        range = {
          from: Date.parse(params.get('from')!),
          to: Date.parse(params.get('to')!),
        };
        return HttpResponse.json({
          from: params.get('from'),
          to: params.get('to'),
          windows: [MONTH_END_CLOSE],
        });
      }),
    );
    await renderWidget(<UpcomingFreezesWidget />);

    expect(
      await screen.findByText(
        /^Month-end close: 2026-12-08 16:00–20:00 local time/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('12 tenants, in Europe/Berlin'),
    ).toBeInTheDocument();
    expect(range!.to - range!.from).toBe(7 * 86_400_000);
    expect(
      screen.getByRole('link', { name: 'Open the freeze calendar' }),
    ).toHaveAttribute('href', '/tenant-rollouts/freeze-calendar');
  });
});
