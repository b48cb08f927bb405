import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  effectiveGates,
  GateOverride,
  ReleaseRecord,
} from '@waybill/plugin-scorecards-common';
import { http, HttpResponse } from 'msw';
import { releaseRecord } from '../../__testUtils__/fixtures';
import {
  inventoryEntity,
  renderScorecards,
} from '../../__testUtils__/renderScorecards';
import {
  INVENTORY_RELEASES_URL,
  SCORECARDS_URL,
  setupScorecardsServer,
} from '../../__testUtils__/server';
import { formatLocalTime } from '../shared/format';
import { EntityScorecardContent } from './EntityScorecardContent';

const server = setupScorecardsServer();

const dora = {
  entityRefs: ['component:default/inventory'],
  current: figures('2026-10-24', '2026-11-23', 12, 20.5, 0.25),
  previous: figures('2026-09-24', '2026-10-24', 6, 30, 0.5),
};

function figures(
  from: string,
  to: string,
  deployments: number,
  leadHours: number,
  failureRate: number,
) {
  return {
    from: `${from}T00:00:00.000Z`,
    to: `${to}T00:00:00.000Z`,
    days: 30,
    deploymentFrequency: {
      deployments,
      perDay: deployments / 30,
      perWeek: (deployments / 30) * 7,
      band: 'high',
    },
    leadTimeForChanges: { medianHours: leadHours, changes: 40 },
    changeFailureRate: {
      rate: failureRate,
      failedDeployments: deployments * failureRate,
      deployments,
    },
    failedDeploymentRecoveryTime: {
      medianHours: 2,
      recoveries: 3,
      unrecovered: 0,
    },
  };
}

/** An override of 5.2.0's production gate by the guest, active for another day. */
const activeOverride = (): GateOverride => ({
  id: 41,
  environment: 'production',
  reason: 'Hotfix for EDI outage; CVE not reachable',
  actor: 'user:default/guest',
  createdAt: new Date(Date.now() - 3600_000).toISOString(),
  expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  revokedAt: null,
  revokedBy: null,
  revokeReason: null,
});

/**
 * Two releases of inventory; 5.2.0 is blocked in production by a critical vulnerability, and
 * has the overrides given.
 */
function releasesBackend(overridesOf520: GateOverride[] = []) {
  const releases: Record<string, ReleaseRecord> = {
    '5.2.0': releaseRecord({
      version: '5.2.0',
      criticalVulnerabilities: 1,
      overrides: overridesOf520,
    }),
    '5.1.0': releaseRecord({ version: '5.1.0' }),
  };
  const revocations: unknown[] = [];
  const overrides: unknown[] = [];
  server.use(
    http.get(INVENTORY_RELEASES_URL, () =>
      HttpResponse.json({
        items: ['5.2.0', '5.1.0'].map(version => ({
          entityRef: 'component:default/inventory',
          version,
          createdAt: releases[version].createdAt,
          score: releases[version].evaluation!.score,
          grade: releases[version].evaluation!.grade,
          gates: effectiveGates(releases[version], new Date()).map(
            ({ override, ...gate }) => gate,
          ),
        })),
      }),
    ),
    http.get(`${INVENTORY_RELEASES_URL}/:version`, ({ params }) =>
      HttpResponse.json(releases[params.version as string]),
    ),
    http.post(
      `${INVENTORY_RELEASES_URL}/:version/gates/:environment/overrides`,
      async ({ params, request }) => {
        const body = (await request.json()) as {
          reason: string;
          expiresAt: string;
        };
        const override = {
          id: overrides.length + 1,
          environment: params.environment as string,
          reason: body.reason,
          expiresAt: body.expiresAt,
          actor: 'user:default/guest',
          createdAt: new Date().toISOString(),
          revokedAt: null,
          revokedBy: null,
          revokeReason: null,
        };
        overrides.push({ version: params.version, ...override });
        releases[params.version as string].overrides.unshift(override);
        return HttpResponse.json(override, { status: 201 });
      },
    ),
    http.post(
      `${INVENTORY_RELEASES_URL}/:version/gates/:environment/overrides/:id/revoke`,
      async ({ params, request }) => {
        const { reason } = (await request.json()) as { reason: string };
        const release = releases[params.version as string];
        const index = release.overrides.findIndex(
          o => o.id === Number(params.id),
        );
        release.overrides[index] = {
          ...release.overrides[index],
          revokedAt: new Date().toISOString(),
          revokedBy: 'user:default/release-manager',
          revokeReason: reason,
        };
        revocations.push({ id: Number(params.id), reason });
        return HttpResponse.json(release.overrides[index]);
      },
    ),
    http.get(`${SCORECARDS_URL}/dora`, () => HttpResponse.json(dora)),
  );
  return { releases, overrides, revocations };
}

describe('EntityScorecardContent', () => {
  it('shows the newest release with why it is blocked, its evidence and checks, the trend and DORA', async () => {
    const { releases } = releasesBackend();
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      routeEntries: ['/catalog/default/component/inventory/scorecards'],
    });

    expect(await screen.findByText('Release 5.2.0')).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Score trend over 2 releases' }),
    ).toBeInTheDocument();
    // The release leads to its rollouts: the rollouts tab, filtered to this version.
    expect(
      screen.getByRole('link', { name: 'Rollouts of 5.2.0 to tenants' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/rollouts?version=5.2.0',
    );
    expect(screen.getByText('production: fail')).toBeInTheDocument();
    // A critical vulnerability blocks staging and production alike.
    const blocking = releases['5.2.0'].evaluation!.gates.find(
      g => g.environment === 'production',
    )!.reasons[0];
    expect(
      screen.getAllByText(new RegExp(`^Blocks: ${blocking.title}`)),
    ).toHaveLength(2);
    // The evidence, down to the vulnerability's id.
    expect(
      screen.getByText('CVE-2026-41234 (critical, 9.8)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/120 tests: 119 passed, 0 failed/),
    ).toBeInTheDocument();
    // The breakdown lists every check with its weight.
    expect(
      within(screen.getByRole('table', { name: 'Check breakdown' }))
        .getAllByRole('row')
        .slice(1),
    ).toHaveLength(releases['5.2.0'].evaluation!.checks.length);
    // Beside the grade, what the gates say together: a good grade never hides a blocked release,
    // in the release's detail and in the list of releases alike.
    expect(
      screen.getAllByLabelText('gates: Blocked for staging and production'),
    ).toHaveLength(2);
    expect(
      screen.getByLabelText('gates: Passes every gate'),
    ).toBeInTheDocument();
    // The table reads result first, then each environment's effect: the failing check blocks,
    // a passing one only would; its fix hint is rendered Markdown, not raw backticks.
    const breakdown = screen.getByRole('table', { name: 'Check breakdown' });
    expect(
      within(breakdown).getByRole('columnheader', {
        name: 'Effect on production',
      }),
    ).toBeInTheDocument();
    const failingRow = within(breakdown)
      .getByText(blocking.title)
      .closest('tr')!;
    expect(within(failingRow).getByText('fails')).toBeInTheDocument();
    expect(within(failingRow).getAllByText('blocks')).toHaveLength(2);
    const passingCheck = releases['5.2.0'].evaluation!.checks.find(
      c => c.status === 'pass' && c.enforcement.production === 'fail',
    )!;
    const passingRow = within(breakdown)
      .getByText(passingCheck.title)
      .closest('tr')!;
    expect(within(passingRow).getByText('passes')).toBeInTheDocument();
    expect(within(passingRow).queryByText('blocks')).not.toBeInTheDocument();
    expect(
      within(passingRow).getAllByText('would block').length,
    ).toBeGreaterThan(0);
    const hintCode = failingRow.querySelector('code');
    expect(hintCode?.textContent).toBe('npm audit fix');
    expect(failingRow.textContent).not.toContain('`');
    // DORA with the trend against the previous window.
    const frequency = await screen.findByRole('group', {
      name: 'Deployment frequency',
    });
    expect(frequency).toHaveTextContent('2.8 / week');
    expect(frequency).toHaveTextContent('better than the previous window');
  });

  it('opens the release the URL names', async () => {
    releasesBackend();
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      routeEntries: [
        '/catalog/default/component/inventory/scorecards?release=5.1.0',
      ],
    });
    expect(await screen.findByText('Release 5.1.0')).toBeInTheDocument();
    expect(screen.getByText('production: pass')).toBeInTheDocument();
  });

  it('hides the override control from people without the permission', async () => {
    releasesBackend();
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: false,
    });
    await screen.findByText('Release 5.2.0');
    expect(screen.getByText('production: fail')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Override production gate/ }),
    ).not.toBeInTheDocument();
  });

  it('lets a release manager override a failing gate with a reason and an expiry, and shows it on the release', async () => {
    const { overrides } = releasesBackend();
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: true,
    });
    await userEvent.click(
      await screen.findByText('Override production gate', undefined, {
        timeout: 10_000,
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', {
      name: 'Override gate',
    });
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Hotfix for EDI outage; CVE not reachable, patch in 5.2.1',
    );
    expect(submit).toBeEnabled();
    // The picker stops at the configured cap, and says so in words.
    const expires = within(dialog).getByLabelText('Expires');
    const max = Date.parse(expires.getAttribute('max')!);
    expect(max - Date.now()).toBeGreaterThan(13.9 * 24 * 3600_000);
    expect(max - Date.now()).toBeLessThan(14.1 * 24 * 3600_000);
    expect(dialog).toHaveTextContent('at most 14 days from now');
    const inADay = expires.getAttribute('value')!;
    fireEvent.change(expires, { target: { value: '2099-01-01T00:00' } });
    expect(dialog).toHaveTextContent(
      'An override may last at most 14 days: pick a time before',
    );
    expect(submit).toBeDisabled();
    fireEvent.change(expires, { target: { value: inADay } });
    expect(submit).toBeEnabled();
    await userEvent.click(submit);

    await waitFor(() =>
      expect(
        screen.getByText('production: pass (overridden)'),
      ).toBeInTheDocument(),
    );
    expect(overrides).toEqual([
      expect.objectContaining({
        version: '5.2.0',
        environment: 'production',
        reason: 'Hotfix for EDI outage; CVE not reachable, patch in 5.2.1',
      }),
    ]);
    expect(
      within(screen.getByRole('list', { name: 'Overrides' })).getByText(
        'production: "Hotfix for EDI outage; CVE not reachable, patch in 5.2.1"',
      ),
    ).toBeInTheDocument();
    // Roughly a day from now by default.
    const expiry = Date.parse(
      (overrides[0] as { expiresAt: string }).expiresAt,
    );
    expect(expiry - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(expiry - Date.now()).toBeLessThan(25 * 3600_000);
  });

  it('lets a release manager revoke an active override with a reason, and shows who revoked it when', async () => {
    const { revocations, releases } = releasesBackend([activeOverride()]);
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: true,
    });
    expect(
      await screen.findByText('production: pass (overridden)'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Revoke the production override by user:default/guest',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', {
      name: 'Revoke override',
    });
    expect(submit).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'too short');
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      ': 5.2.1 fixes the CVE  ',
    );
    await userEvent.click(submit);

    await waitFor(() =>
      expect(screen.getByText('production: fail')).toBeInTheDocument(),
    );
    expect(revocations).toEqual([
      { id: 41, reason: 'too short: 5.2.1 fixes the CVE' },
    ]);
    const { revokedAt } = releases['5.2.0'].overrides[0];
    const history = screen.getByRole('list', { name: 'Overrides' });
    expect(history).toHaveTextContent(
      `revoked by user:default/release-manager on ${formatLocalTime(
        revokedAt!,
      )}: too short: 5.2.1 fixes the CVE`,
    );
    expect(
      within(history).queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('offers no revoke to people without the override permission', async () => {
    releasesBackend([activeOverride()]);
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: false,
    });
    expect(
      await screen.findByText('production: pass (overridden)'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('tells a service without releases how to upload its first evidence', async () => {
    server.use(
      http.get(INVENTORY_RELEASES_URL, () => HttpResponse.json({ items: [] })),
    );
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
    });
    expect(
      await screen.findByText('No release evidence yet'),
    ).toBeInTheDocument();
  });
});
