import { createExtensionTester } from '@backstage/frontend-test-utils';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import type { DefaultResultListItemProps } from '@backstage/plugin-search-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  expectInertMarkup,
  HOSTILE_MARKUP_ROWS,
} from '@waybill/frontend-test-utils';
import plugin from '../../alpha';
import { ReleaseSearchResultListItem } from './ReleaseSearchResultListItem';

/** A release's search document, as the Waybill search collator indexes it. */
const release = {
  title: 'inventory 5.2.0',
  text: 'Inventory. Owner: warehouse-systems. Grade F, score 41. Gates: staging: pass, production: fail.',
  location: '/catalog/default/component/inventory/scorecards?release=5.2.0',
  entityRef: 'component:default/inventory',
  version: '5.2.0',
  score: 41,
  grade: 'F',
  gates: [
    { environment: 'staging', decision: 'pass', policyDecision: 'pass' },
    { environment: 'production', decision: 'fail', policyDecision: 'fail' },
  ],
};

/** A document as the search backend hands it back: whatever fields were indexed. */
const indexed = (document: object) =>
  document as DefaultResultListItemProps['result'];

describe('ReleaseSearchResultListItem', () => {
  it('links the release to its scorecard and shows its grade and gate per environment', async () => {
    await renderInTestApp(<ReleaseSearchResultListItem result={release} />);
    expect(
      screen.getByRole('link', { name: 'inventory 5.2.0' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/scorecards?release=5.2.0',
    );
    expect(screen.getByText(release.text)).toBeInTheDocument();
    expect(screen.getByLabelText('grade F')).toHaveTextContent('F');
    expect(screen.getByText('staging: pass')).toBeInTheDocument();
    expect(screen.getByText('production: fail')).toBeInTheDocument();
  });

  it('says when a gate decides otherwise than the policy', async () => {
    await renderInTestApp(
      <ReleaseSearchResultListItem
        result={indexed({
          ...release,
          gates: [
            {
              environment: 'production',
              decision: 'pass',
              policyDecision: 'fail',
            },
          ],
        })}
      />,
    );
    expect(
      screen.getByText('production: pass (overridden)'),
    ).toBeInTheDocument();
  });

  it('highlights where the search matched', async () => {
    await renderInTestApp(
      <ReleaseSearchResultListItem
        result={release}
        highlight={{
          preTag: '<m>',
          postTag: '</m>',
          fields: { title: '<m>inventory</m> 5.2.0' },
        }}
      />,
    );
    expect(screen.getByText('inventory').tagName).toBe('MARK');
    expect(screen.getByRole('link')).toHaveTextContent('inventory 5.2.0');
  });

  it('shows a release not evaluated yet without chips, and ignores gates it cannot read', async () => {
    await renderInTestApp(
      <ReleaseSearchResultListItem
        result={indexed({
          ...release,
          text: 'Inventory. Not evaluated yet. No gate decisions yet.',
          grade: null,
          score: null,
          gates: [{ environment: 'production', decision: 'maybe' }, 'fail'],
        })}
      />,
    );
    expect(screen.getByRole('link')).toHaveTextContent('inventory 5.2.0');
    expect(screen.queryByLabelText(/^grade/)).toBeNull();
    expect(screen.queryByText(/^production/)).toBeNull();
    expect(screen.queryByText(/^staging/)).toBeNull();
  });

  it.each(HOSTILE_MARKUP_ROWS)(
    'shows %s in a title or text as text',
    async (_name, markup) => {
      const title = markup('title');
      const text = markup('text');
      await renderInTestApp(
        <ReleaseSearchResultListItem
          result={indexed({ ...release, title, text })}
        />,
      );
      expect(screen.getByRole('link')).toHaveTextContent(title);
      expectInertMarkup([title, text]);
    },
  );
});

describe('the search result extension', () => {
  it('renders releases, and only releases, on the search page', () => {
    const extension = plugin.getExtension(
      'search-result-list-item:scorecards/release',
    );
    const item = createExtensionTester(extension).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    const result = (type: string) => ({ type, document: release });
    expect(item.predicate?.(result('waybill-release'))).toBe(true);
    expect(item.predicate?.(result('waybill-rollout'))).toBe(false);
    expect(item.predicate?.(result('software-catalog'))).toBe(false);
    expect(
      plugin.getExtension('search-filter-result-type:scorecards/release'),
    ).toBeDefined();
  });
});
