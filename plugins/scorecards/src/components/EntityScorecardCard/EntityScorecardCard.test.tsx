import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  approvedWaiver,
  releaseRecord,
  waiverRecord,
} from '../../__testUtils__/fixtures';
import { waiversBackend } from '../../__testUtils__/waiversBackend';
import {
  inventoryEntity,
  renderScorecards,
} from '../../__testUtils__/renderScorecards';
import {
  INVENTORY_RELEASES_URL,
  setupScorecardsServer,
} from '../../__testUtils__/server';
import { EntityScorecardCard } from './EntityScorecardCard';

const server = setupScorecardsServer();

describe('EntityScorecardCard', () => {
  it('shows the latest release with its score, gates and what blocks it, with the fix', async () => {
    const release = releaseRecord({ criticalVulnerabilities: 1 });
    server.use(
      http.get(INVENTORY_RELEASES_URL, ({ request }) => {
        expect(new URL(request.url).searchParams.get('limit')).toBe('1');
        return HttpResponse.json({
          items: [
            {
              entityRef: release.entityRef,
              version: '5.2.0',
              createdAt: release.createdAt,
              score: release.evaluation!.score,
              grade: release.evaluation!.grade,
            },
          ],
        });
      }),
      http.get(`${INVENTORY_RELEASES_URL}/5.2.0`, () =>
        HttpResponse.json(release),
      ),
    );
    await renderScorecards(<EntityScorecardCard />, {
      entity: inventoryEntity,
    });

    expect(
      await screen.findByText('Latest release 5.2.0, 2026-11-20 09:30 UTC'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('score')).toHaveTextContent(
      String(release.evaluation!.score),
    );
    expect(screen.getByText('production: fail')).toBeInTheDocument();
    const blocking = release.evaluation!.checks.find(
      c => c.id === 'no-critical-dependency-vulnerabilities',
    )!;
    expect(screen.getByText(blocking.title)).toBeInTheDocument();
    // The fix hint is rendered Markdown: its `command` is code, not backticks.
    const fix = screen.getByText('npm audit fix', { selector: 'code' });
    expect(fix.closest('li')).toHaveTextContent(
      blocking.fixHint.replace(/`/g, ''),
    );
    // Beside the A-to-F grade, the verdict of the gates: a blocked release never looks healthy.
    expect(
      screen.getByLabelText('gates: Blocked for staging and production'),
    ).toBeInTheDocument();
    expect(screen.getByText('View release 5.2.0').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/scorecards?release=5.2.0',
    );
  });

  it('says how many waivers pass a gate, not that it was overridden', async () => {
    waiversBackend(server, { waivers: [waiverRecord(approvedWaiver())] });
    await renderScorecards(<EntityScorecardCard />, {
      entity: inventoryEntity,
    });
    expect(
      await screen.findByText('production: pass (1 waiver)'),
    ).toBeInTheDocument();
    expect(screen.getByText('staging: fail')).toBeInTheDocument();
    expect(screen.queryByText(/overridden/)).not.toBeInTheDocument();
  });

  it('tells a service without releases how its pipeline uploads evidence', async () => {
    server.use(
      http.get(INVENTORY_RELEASES_URL, () => HttpResponse.json({ items: [] })),
    );
    await renderScorecards(<EntityScorecardCard />, {
      entity: inventoryEntity,
    });
    expect(
      await screen.findByText('No release evidence yet'),
    ).toBeInTheDocument();
    // The exact command, with this portal's URL and the entity's path.
    expect(document.body).toHaveTextContent(
      `${INVENTORY_RELEASES_URL}/$VERSION/evidence/tests?commit=$GIT_COMMIT`,
    );
    expect(document.body).toHaveTextContent(
      'Authorization: Bearer $WAYBILL_CI_TOKEN',
    );
  });

  it('shows the backend’s error', async () => {
    server.use(
      http.get(INVENTORY_RELEASES_URL, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Access denied' },
            request: { method: 'GET', url: '/releases' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderScorecards(<EntityScorecardCard />, {
      entity: inventoryEntity,
    });
    expect(await screen.findByText(/403: NotAllowedError/)).toBeInTheDocument();
  });
});
