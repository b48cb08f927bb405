import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  inventoryEntity,
  renderScorecards,
} from '../../__testUtils__/renderScorecards';
import { setupScorecardsServer } from '../../__testUtils__/server';
import { waiverRows, waiversBackend } from '../../__testUtils__/waiversBackend';
import { EntityScorecardContent } from './EntityScorecardContent';

const server = setupScorecardsServer();

const DAY_MS = 24 * 3600_000;

describe('requesting a waiver on the release page', () => {
  it('can accept one finding the check counted instead of the whole check, for one tenant segment', async () => {
    const { requests, criticalTitle } = waiversBackend(server);
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      allows: permission => permission === 'scorecards.waiver.request',
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: `Request waiver of ${criticalTitle} for production`,
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: `Request a waiver of ${criticalTitle} for production`,
    });
    expect(dialog).toHaveTextContent('The check allows 0');
    await userEvent.click(
      within(dialog).getByRole('button', { name: /The whole check/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'CVE-2026-41234' }),
    );
    await screen.findByRole('dialog', {
      name: `Request a waiver of ${criticalTitle} (CVE-2026-41234) for production`,
    });
    await userEvent.type(
      within(dialog).getByLabelText('Tenant segment'),
      'retail',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Not reachable: the XML parser is unused',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request waiver' }),
    );
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({
      checkId: 'no-critical-dependency-vulnerabilities',
      finding: 'CVE-2026-41234',
      tenantSegment: 'retail',
    });
    // The waivers table names the finding with its check, and the segment.
    await waitFor(() =>
      expect(waiverRows()[0][0]).toBe(
        `${criticalTitle}: CVE-2026-41234 (retail tenants)`,
      ),
    );
  });

  it('requests a waiver of a failing check with the versions, reason and expiry, and shows it pending', async () => {
    const { requests, criticalTitle } = waiversBackend(server);
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      allows: permission => permission === 'scorecards.waiver.request',
    });
    expect(
      await screen.findByText('No waiver covers this release.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: `Request waiver of ${criticalTitle} for production`,
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: `Request a waiver of ${criticalTitle} for production`,
    });
    const submit = within(dialog).getByRole('button', {
      name: 'Request waiver',
    });
    // The release's version to start with; anything but a version or a range is refused.
    const versions = within(dialog).getByLabelText('Versions');
    expect(versions).toHaveValue('5.2.0');
    fireEvent.change(versions, { target: { value: 'not a range' } });
    expect(dialog).toHaveTextContent('Neither a version nor a semver range');
    fireEvent.change(versions, { target: { value: ' >=5.2.0 <5.3.0 ' } });
    // A week from now to start with; the cap, in words and in the picker.
    expect(dialog).toHaveTextContent('at most 30 days from now');
    const expires = within(dialog).getByLabelText('Expires');
    const start = Date.parse(expires.getAttribute('value')!) - Date.now();
    expect(start).toBeGreaterThan(6.9 * DAY_MS);
    expect(start).toBeLessThan(7.1 * DAY_MS);
    const latest = expires.getAttribute('max')!;
    expect(Date.parse(latest) - Date.now()).toBeGreaterThan(29.9 * DAY_MS);
    expect(Date.parse(latest) - Date.now()).toBeLessThan(30.1 * DAY_MS);
    fireEvent.change(expires, { target: { value: '2099-01-01T00:00' } });
    expect(dialog).toHaveTextContent(
      'A waiver may last at most 30 days: pick a time before',
    );
    fireEvent.change(expires, { target: { value: latest } });
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'too short');
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      ': not reachable',
    );
    await userEvent.click(submit);

    await waitFor(() =>
      expect(waiverRows()[0].slice(0, 4)).toEqual([
        criticalTitle,
        'production',
        '>=5.2.0 <5.3.0',
        'pending approval',
      ]),
    );
    expect(requests).toEqual([
      {
        entityRef: 'component:default/inventory',
        versionRange: '>=5.2.0 <5.3.0',
        environment: 'production',
        checkId: 'no-critical-dependency-vulnerabilities',
        reason: 'too short: not reachable',
        expiresAt: new Date(latest).toISOString(),
      },
    ]);
    // Still blocked: a waiver applies only once approved.
    expect(screen.getByText('production: fail')).toBeInTheDocument();
  });

  it('offers no waiver request to people without the permission', async () => {
    waiversBackend(server);
    await renderScorecards(<EntityScorecardContent />, {
      entity: inventoryEntity,
      canOverride: false,
    });
    expect(await screen.findByText('production: fail')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Request a waiver/ }),
    ).not.toBeInTheDocument();
  });
});
