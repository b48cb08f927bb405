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
import { RolloutSearchResultListItem } from './RolloutSearchResultListItem';

/** A rollout's search document, as the Waybill search collator indexes it. */
const rollout = {
  title: 'inventory 5.2.0 rollout',
  text: 'Rollout of inventory 5.2.0 to production: running, wave 2 of 4. 12 tenants. Planned by release-manager.',
  location: '/tenant-rollouts/rollouts/7',
  rolloutId: 7,
  entityRef: 'component:default/inventory',
  version: '5.2.0',
  environment: 'production',
  status: 'running',
};

/** A document as the search backend hands it back: whatever fields were indexed. */
const indexed = (document: object) =>
  document as DefaultResultListItemProps['result'];

describe('RolloutSearchResultListItem', () => {
  it('links the rollout to its board and shows its state and environment', async () => {
    await renderInTestApp(<RolloutSearchResultListItem result={rollout} />);
    expect(
      screen.getByRole('link', { name: 'inventory 5.2.0 rollout' }),
    ).toHaveAttribute('href', '/tenant-rollouts/rollouts/7');
    expect(screen.getByText(rollout.text)).toBeInTheDocument();
    expect(screen.getByText('running')).toBeInTheDocument();
    expect(screen.getByText('to production')).toBeInTheDocument();
  });

  it('highlights where the search matched', async () => {
    await renderInTestApp(
      <RolloutSearchResultListItem
        result={rollout}
        highlight={{
          preTag: '<m>',
          postTag: '</m>',
          fields: { text: 'Rollout of <m>inventory</m> 5.2.0' },
        }}
      />,
    );
    expect(screen.getByText('inventory').tagName).toBe('MARK');
  });

  it('leaves out a state or environment it cannot read', async () => {
    await renderInTestApp(
      <RolloutSearchResultListItem
        result={indexed({ ...rollout, status: 'exploded', environment: 42 })}
      />,
    );
    expect(screen.getByRole('link')).toHaveTextContent(
      'inventory 5.2.0 rollout',
    );
    expect(screen.queryByText('exploded')).toBeNull();
    expect(screen.queryByText(/^to /)).toBeNull();
  });

  it.each(HOSTILE_MARKUP_ROWS)(
    'shows %s in a title or text as text',
    async (_name, markup) => {
      const title = markup('title');
      const text = markup('text');
      await renderInTestApp(
        <RolloutSearchResultListItem
          result={indexed({ ...rollout, title, text })}
        />,
      );
      expect(screen.getByRole('link')).toHaveTextContent(title);
      expectInertMarkup([title, text]);
    },
  );
});

describe('the search result extension', () => {
  it('renders rollouts, and only rollouts, on the search page', () => {
    const extension = plugin.getExtension(
      'search-result-list-item:tenant-rollouts/rollout',
    );
    const item = createExtensionTester(extension).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    const result = (type: string) => ({ type, document: rollout });
    expect(item.predicate?.(result('waybill-rollout'))).toBe(true);
    expect(item.predicate?.(result('waybill-release'))).toBe(false);
    expect(item.predicate?.(result('software-catalog'))).toBe(false);
    expect(
      plugin.getExtension('search-filter-result-type:tenant-rollouts/rollout'),
    ).toBeDefined();
  });
});
