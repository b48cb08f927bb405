import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Waiver } from '@waybill/plugin-scorecards-common';
import {
  expectInertMarkup,
  HOSTILE_MARKUP_ROWS,
} from '@waybill/frontend-test-utils';
import { approvedWaiver, waiverRecord } from '../../__testUtils__/fixtures';
import {
  inventoryEntity,
  renderScorecards,
} from '../../__testUtils__/renderScorecards';
import { setupScorecardsServer } from '../../__testUtils__/server';
import {
  SIGNED_IN,
  waiverRows,
  waiversBackend,
} from '../../__testUtils__/waiversBackend';
import { EntityScorecardContent } from './EntityScorecardContent';

const server = setupScorecardsServer();

const HOUR_MS = 3600_000;

/**
 * Production's waiver is active; staging's, asked for by the signed-in user, is pending; a
 * revoked one and an expired one (of a check the policy no longer has) stay on record.
 */
const onRecord = (): Waiver[] => [
  waiverRecord({
    id: 4,
    environment: 'staging',
    versionRange: '>=5.2.0 <5.3.0',
    requestedBy: SIGNED_IN,
  }),
  waiverRecord({ id: 3, ...approvedWaiver() }),
  waiverRecord({
    id: 2,
    checkId: 'retired-check',
    ...approvedWaiver(),
    expiresAt: new Date(Date.now() - HOUR_MS).toISOString(),
    status: 'expired',
  }),
  waiverRecord({
    id: 1,
    revokedBy: 'user:default/release-manager',
    revokedAt: new Date(Date.now() - HOUR_MS / 2).toISOString(),
    revokeReason: 'Patched in 5.2.1 instead',
    status: 'revoked',
  }),
];

/** The accessible name of staging's pending waiver, after the verb. */
const staging = (title: string) =>
  `the staging waiver of ${title} for >=5.2.0 <5.3.0`;

describe('waivers on the release page', () => {
  it('lists the waivers with their status in words, and passes a gate whose failing checks are all waived', async () => {
    const { criticalTitle } = waiversBackend(server, { waivers: onRecord() });
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: true,
    });

    // Production's only failing check is waived: the gate passes, and says why in words.
    expect(
      await screen.findByText('production: pass (1 waiver)'),
    ).toBeInTheDocument();
    expect(screen.getByText('staging: fail')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Checks behind the production gate' }),
      ).getByText(new RegExp(`^Waived: ${criticalTitle}`)),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Checks behind the staging gate' }),
    ).toHaveTextContent(`A waiver asked for by ${SIGNED_IN} awaits approval.`);
    // A check with a waiver pending or active offers no second one.
    expect(
      screen.queryByRole('button', { name: /^Request waiver/ }),
    ).not.toBeInTheDocument();

    const rows = waiverRows();
    expect(rows.map(cells => cells.slice(0, 4))).toEqual([
      [criticalTitle, 'staging', '>=5.2.0 <5.3.0', 'pending approval'],
      [criticalTitle, 'production', '5.2.0', 'active'],
      ['retired-check', 'production', '5.2.0', 'expired'],
      [
        criticalTitle,
        'production',
        '5.2.0',
        expect.stringMatching(
          /^revoked by user:default\/release-manager on .+: Patched in 5\.2\.1 instead$/,
        ),
      ],
    ]);
    expect(rows[1][4]).toMatch(/^user:default\/developer on \d{4}-/);
    expect(rows[1][5]).toMatch(/^user:default\/release-manager on \d{4}-/);
    expect(rows[0][5]).toBe('—');
    expect(rows[1][7]).toBe('Waiver 3: CVE not reachable from our code paths');

    // The signed-in user asked for staging's: they may revoke it, not approve it, and are told why.
    const approve = screen.getByRole('button', {
      name: `Approve ${staging(criticalTitle)}`,
    });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription(
      'You asked for this waiver: another person must approve it.',
    );
    expect(screen.getAllByRole('button', { name: /^Approve / })).toHaveLength(
      1,
    );
    expect(
      screen.getAllByRole('button', { name: /^Revoke the .* waiver of/ }),
    ).toHaveLength(2);
  });

  it('lets another person approve a pending waiver, after which the gate passes with waivers', async () => {
    const { approvals, criticalTitle } = waiversBackend(server, {
      waivers: onRecord(),
    });
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: true,
      userEntityRef: 'user:default/release-manager',
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: `Approve ${staging(criticalTitle)}`,
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: `Approve ${staging(criticalTitle)}`,
    });
    expect(dialog).toHaveTextContent(
      `${SIGNED_IN} asks: "Waiver 4: CVE not reachable from our code paths"`,
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve waiver' }),
    );

    expect(
      await screen.findByText('staging: pass (1 waiver)'),
    ).toBeInTheDocument();
    expect(approvals).toEqual([4]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(
      screen.getByLabelText('gates: Passes every gate with waivers'),
    ).toBeInTheDocument();
    expect(waiverRows()[0][3]).toBe('active');
  });

  it('shows why the server refused an approval in the dialog', async () => {
    const { criticalTitle } = waiversBackend(server, {
      waivers: onRecord(),
      refusal: { status: 409, message: 'Waiver 4 is revoked, not pending' },
    });
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: true,
      userEntityRef: 'user:default/release-manager',
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: `Approve ${staging(criticalTitle)}`,
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve waiver' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /409.*Waiver 4 is revoked, not pending/,
    );
    expect(screen.getByText('staging: fail')).toBeInTheDocument();
  });

  it('lets the requester revoke their own waiver without the approve permission', async () => {
    const { revocations, criticalTitle } = waiversBackend(server, {
      waivers: onRecord(),
    });
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      allows: permission => permission === 'scorecards.waiver.request',
    });
    await screen.findByRole('table', { name: 'Waivers' });
    // Without the approve permission: no approving, and others' waivers are not theirs to revoke.
    expect(
      screen.queryByRole('button', { name: /^Approve/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: /^Revoke the .* waiver of/ }),
    ).toHaveLength(1);
    await userEvent.click(
      screen.getByRole('button', { name: `Revoke ${staging(criticalTitle)}` }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Fixed in 5.2.1 after all',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke waiver' }),
    );

    await waitFor(() =>
      expect(waiverRows()[0][3]).toMatch(
        /^revoked by user:default\/guest on .+: Fixed in 5\.2\.1 after all$/,
      ),
    );
    expect(revocations).toEqual([
      { id: 4, reason: 'Fixed in 5.2.1 after all' },
    ]);
  });

  it.each(HOSTILE_MARKUP_ROWS)(
    'shows markup in a waiver as text: %s',
    async (_, markup) => {
      const texts = [
        'versionRange',
        'checkId',
        'reason',
        'requestedBy',
        'approvedBy',
        'revokedBy',
        'revokeReason',
      ] as const;
      const hostile = Object.fromEntries(
        texts.map(field => [field, markup(`waiver ${field}`)]),
      );
      const pending = waiverRecord({ ...hostile, id: 2, approvedBy: null });
      waiversBackend(server, {
        waivers: [
          pending,
          waiverRecord({
            ...approvedWaiver(),
            ...hostile,
            revokedAt: new Date().toISOString(),
            status: 'revoked',
          }),
        ],
      });
      await renderScorecards(<EntityScorecardContent />, {
        entity: inventoryEntity,
        canOverride: true,
      });
      await userEvent.click(
        await screen.findByRole('button', { name: /^Approve / }),
      );
      expect(await screen.findByRole('dialog')).toHaveTextContent(
        pending.reason,
      );
      expectInertMarkup(Object.values(hostile));
    },
  );
});
