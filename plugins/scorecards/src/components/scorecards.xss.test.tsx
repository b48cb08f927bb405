/*
 * Every free-text value the scorecards pages show, from pipelines (versions, commits, pipeline
 * links, test, rule and vulnerability names and messages, uploaders), the policy (check titles,
 * reasons, fix hints), release managers (override reasons), the catalog (titles, owners,
 * business processes) and links (filters in the URL), holding markup and script: shown as
 * written, never run. Fix hints are Markdown: rendered, their raw HTML shown as text, a link
 * shown by its text with its script URL dropped.
 */
import { Entity } from '@backstage/catalog-model';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  PortfolioItem,
  ReleaseEvidence,
  ReleaseRecord,
  StoredEvidence,
} from '@waybill/plugin-scorecards-common';
import { http, HttpResponse } from 'msw';
import { portfolioItem, releaseRecord } from '../__testUtils__/fixtures';
import {
  HOSTILE_MARKUP_ROWS,
  HostileMarkup,
  expectInertMarkup,
} from '@waybill/frontend-test-utils';
import {
  inventoryEntity,
  renderScorecards,
} from '../__testUtils__/renderScorecards';
import {
  INVENTORY_RELEASES_URL,
  SCORECARDS_URL,
  setupScorecardsServer,
} from '../__testUtils__/server';
import { EntityScorecardCard } from './EntityScorecardCard';
import { EntityScorecardContent } from './EntityScorecardContent';
import { PortfolioPage } from './PortfolioPage';

const server = setupScorecardsServer();

/** What a fix hint (Markdown) shows as text: as written, but a link shows only its text. */
const hintText = (hint: string) => hint.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

/** The facts of one kind of evidence with every free-text fact set to `markup`. */
function hostileFacts(
  facts: StoredEvidence['facts'],
  markup: HostileMarkup,
): StoredEvidence['facts'] {
  switch (facts.kind) {
    case 'tests':
      return {
        ...facts,
        failed: 1,
        failingTests: [
          {
            suite: markup('test suite'),
            name: markup('test name'),
            outcome: 'failed',
            message: markup('test message'),
          },
        ],
      };
    case 'security':
      return {
        ...facts,
        byTool: { [markup('tool')]: facts.bySeverity },
        worst: [
          {
            tool: markup('finding tool'),
            ruleId: markup('rule id'),
            severity: 'high',
            message: markup('finding message'),
            location: markup('finding location'),
          },
        ],
      };
    case 'dependencies':
      return {
        ...facts,
        specVersion: markup('spec version'),
        worst: [
          {
            id: markup('vulnerability id'),
            severity: 'critical',
            score: 9.8,
            affects: [markup('affected package')],
          },
        ],
      };
    case 'readiness':
      return { ...facts, lastRollbackDrill: markup('rollback drill') };
    default:
      return facts;
  }
}

/**
 * A release of inventory blocked in production, whose every free-text field holds `markup`; its
 * one override was revoked, so the gate can still be overridden.
 */
function hostileRelease(markup: HostileMarkup): ReleaseRecord {
  const release = releaseRecord({
    version: markup('version'),
    criticalVulnerabilities: 1,
  });
  const evaluation = release.evaluation!;
  return {
    ...release,
    commit: markup('commit'),
    pipelineUrl: markup('pipeline url'),
    evidence: release.evidence.map(e => ({
      ...e,
      uploadedBy: markup(`uploader of ${e.kind}`),
      environment: markup(`environment of ${e.kind}`),
      facts: hostileFacts(e.facts, markup),
    })),
    evaluation: {
      ...evaluation,
      checks: evaluation.checks.map(c => ({
        ...c,
        title: markup(`title of ${c.id}`),
        reason: markup(`reason of ${c.id}`),
        observedText: c.observedText && markup(`observed ${c.id}`),
        thresholdText: markup(`threshold of ${c.id}`),
        fixHint: markup(`fix of ${c.id}`),
      })),
      gates: evaluation.gates.map(g => ({
        ...g,
        reasons: g.reasons.map(r => ({
          ...r,
          title: markup(`${g.environment} reason title`),
          reason: markup(`${g.environment} reason`),
          fixHint: markup(`${g.environment} fix`),
        })),
      })),
    },
    overrides: [
      {
        id: 1,
        environment: 'production',
        reason: markup('override reason'),
        actor: markup('override actor'),
        createdAt: '2026-11-20T10:00:00.000Z',
        expiresAt: '2026-11-21T10:00:00.000Z',
        revokedAt: '2026-11-20T12:00:00.000Z',
        revokedBy: markup('revoker'),
        revokeReason: markup('revoke reason'),
      },
    ],
  };
}

/** The release's fields the release page shows in full. */
function shownOnReleasePage(release: ReleaseRecord): string[] {
  const evaluation = release.evaluation!;
  const facts = Object.fromEntries(
    release.evidence.map(e => [e.kind, e.facts]),
  ) as Required<ReleaseEvidence>;
  return [
    release.version,
    release.commit!.slice(0, 12),
    release.pipelineUrl!,
    ...release.evidence.flatMap(e => [e.uploadedBy, e.environment!]),
    ...facts.tests.failingTests.flatMap(t => [t.suite, t.name, t.message!]),
    ...Object.keys(facts.security.byTool),
    ...facts.security.worst.flatMap(f => [
      f.tool,
      f.ruleId,
      f.message,
      f.location!,
    ]),
    facts.dependencies.specVersion,
    ...facts.dependencies.worst.flatMap(v => [v.id, ...v.affects]),
    facts.readiness.lastRollbackDrill!,
    ...evaluation.checks.flatMap(c => [
      c.title,
      c.reason,
      c.thresholdText,
      ...(c.observedText ? [c.observedText] : []),
      ...(c.status === 'pass' ? [] : [hintText(c.fixHint)]),
    ]),
    ...evaluation.gates.flatMap(g =>
      g.reasons.flatMap(r => [r.title, r.reason, hintText(r.fixHint)]),
    ),
    ...release.overrides.flatMap(o => [
      o.reason,
      o.actor,
      o.revokedBy!,
      o.revokeReason!,
    ]),
  ];
}

/** The backend of one release, `release`; DORA answers an error whose message is `markup`. */
function releaseBackend(release: ReleaseRecord, markup: HostileMarkup) {
  server.use(
    http.get(INVENTORY_RELEASES_URL, () =>
      HttpResponse.json({
        items: [
          {
            entityRef: release.entityRef,
            version: release.version,
            createdAt: release.createdAt,
            score: release.evaluation!.score,
            grade: release.evaluation!.grade,
          },
        ],
      }),
    ),
    http.get(`${INVENTORY_RELEASES_URL}/*`, () => HttpResponse.json(release)),
    http.get(`${SCORECARDS_URL}/dora`, () =>
      HttpResponse.json(
        {
          error: { name: 'Error', message: markup('error message') },
          response: { statusCode: 503 },
        },
        { status: 503 },
      ),
    ),
  );
}

/** A portfolio line of a failing service whose every free-text field holds `markup`. */
function hostileItem(markup: HostileMarkup): PortfolioItem {
  const item = portfolioItem(1);
  return {
    ...item,
    entityRef: `component:default/${markup('entity ref')}`,
    title: markup('service title'),
    owner: `group:default/${markup('owner')}`,
    tier: markup('tier') as PortfolioItem['tier'],
    businessProcesses: [markup('business process')],
    version: markup('portfolio version'),
    gates: { [markup('gate environment')]: 'fail' },
    // Overridden, so the chip's "(overridden)" label and tooltip show the name too.
    effectiveGates: { [markup('gate environment')]: 'pass' },
    failingChecks: [
      { ...item.failingChecks[0], title: markup('failing check') },
    ],
  };
}

/** The catalog's groups, systems and business processes, titled `markup`. */
function hostileCatalog(markup: HostileMarkup): Entity[] {
  const entity = (kind: string, name: string, spec: object): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, title: markup(`${kind} title`) },
    spec,
  });
  return [
    entity('Group', 'warehouse-systems', { type: 'team', children: [] }),
    entity('System', 'erp-core', { owner: 'warehouse-systems' }),
    entity('Domain', 'order-to-cash', {
      type: 'business-process',
      owner: 'meridian',
    }),
  ];
}

/** Opens a filter's menu and returns the options' text. */
async function filterOptions(label: string): Promise<string> {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const listbox = await screen.findByRole('listbox');
  const text = listbox.textContent ?? '';
  await userEvent.keyboard('{Escape}');
  return text;
}

describe.each(HOSTILE_MARKUP_ROWS)(
  'markup in free-text fields: %s',
  (_, markup) => {
    afterEach(() => {
      delete (window as { __xss?: unknown }).__xss;
    });

    it('the release page shows it as text, with no script link, also in the override dialog', async () => {
      const release = hostileRelease(markup);
      releaseBackend(release, markup);
      await renderScorecards(<EntityScorecardContent />, {
        entity: inventoryEntity,
        canOverride: true,
      });
      expect(
        await screen.findByText(`Release ${release.version}`),
      ).toBeInTheDocument();
      // A pipeline link that is not http(s) is shown, not linked.
      expect(
        screen.queryByRole('link', { name: /Pipeline run/ }),
      ).not.toBeInTheDocument();
      expect(
        await screen.findByText(new RegExp(`Request failed with 503`)),
      ).toBeInTheDocument();
      await userEvent.click(
        await screen.findByRole('button', {
          name: 'Override production gate',
        }),
      );
      expect(
        within(await screen.findByRole('dialog')).getByText(
          `Override the production gate of ${release.version}`,
        ),
      ).toBeInTheDocument();
      expectInertMarkup([
        ...shownOnReleasePage(release),
        markup('error message'),
      ]);
    });

    it('the scorecard card shows it as text', async () => {
      const release = hostileRelease(markup);
      releaseBackend(release, markup);
      await renderScorecards(<EntityScorecardCard />, {
        entity: inventoryEntity,
      });
      expect(
        await screen.findByLabelText('Failing and missing checks'),
      ).toBeInTheDocument();
      const failing = release.evaluation!.checks.filter(
        c => c.scored && c.status !== 'pass',
      );
      expect(failing.length).toBeGreaterThan(0);
      expectInertMarkup([
        release.version,
        ...failing.flatMap(c => [c.title, c.reason, hintText(c.fixHint)]),
      ]);
    });

    it('the portfolio shows it as text, in the table, the charts, the filters and the DORA title', async () => {
      const item = hostileItem(markup);
      const environment = markup('summary environment');
      server.use(
        http.get(`${SCORECARDS_URL}/portfolio`, () =>
          HttpResponse.json({ items: [item], totalCount: 1 }),
        ),
        http.get(`${SCORECARDS_URL}/portfolio/summary`, () =>
          HttpResponse.json({
            totalCount: 1,
            grades: { A: 0, B: 0, C: 0, D: 0, F: 1 },
            gates: { [environment]: { pass: 0, warn: 0, fail: 1 } },
          }),
        ),
        http.get(`${SCORECARDS_URL}/dora`, () =>
          HttpResponse.json(
            { error: { message: 'not under test' } },
            { status: 503 },
          ),
        ),
      );
      const inUrl = {
        owner: markup('owner in the URL'),
        system: markup('system in the URL'),
      };
      await renderScorecards(<PortfolioPage />, {
        routeEntries: [`/scorecards?${new URLSearchParams(inUrl)}`],
        catalogEntities: hostileCatalog(markup),
      });
      expect(await screen.findByText(item.title)).toBeInTheDocument();
      expect(
        await screen.findByText(
          `DORA for owner ${inUrl.owner}, system ${inUrl.system}`,
        ),
      ).toBeInTheDocument();
      const options = [
        await filterOptions('Owner'),
        await filterOptions('System'),
        await filterOptions('Business process'),
        await filterOptions('Gate'),
      ];
      expect(options).toEqual([
        expect.stringContaining(markup('Group title')),
        expect.stringContaining(markup('System title')),
        expect.stringContaining(markup('Domain title')),
        expect.stringContaining(`${environment}: fail`),
      ]);
      expectInertMarkup([
        item.title,
        markup('owner'),
        item.tier,
        item.businessProcesses[0],
        item.version,
        markup('gate environment'),
        item.failingChecks[0].title,
        environment,
        inUrl.owner,
        inUrl.system,
      ]);
    });
  },
);
