import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  RequestLog,
  setupDependencyMapServer,
} from '../../__testUtils__/demoBackend';
import { pasteChanges } from '../../__testUtils__/releaseTrain';
import { renderDependencyMap } from '../../__testUtils__/render';
import { ReleaseTrainPage } from './ReleaseTrainPage';

describe('ReleaseTrainPage', () => {
  const log: RequestLog = [];
  setupDependencyMapServer(log);
  const downloads: { name: string; text: Promise<string> }[] = [];
  beforeEach(() => {
    log.length = 0;
    downloads.length = 0;
    let blob: Blob | undefined;
    URL.createObjectURL = jest.fn((b: Blob) => {
      blob = b;
      return 'blob:plan';
    });
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        downloads.push({ name: this.download, text: blob!.text() });
      });
  });
  afterEach(() => jest.restoreAllMocks());

  it('plans a pasted train of three changes and exports it', async () => {
    await renderDependencyMap(<ReleaseTrainPage />);
    await pasteChanges([
      'customer-portal 5.0.0',
      'api:pricing-api 3.0.0',
      'pricing-api 3.0.0',
      'not a line',
    ]);
    expect(screen.getByLabelText('Lines not read')).toHaveTextContent(
      'Line 4 (not a line): expected "<entity ref> <version>"',
    );
    expect(screen.getByLabelText('Entity 1')).toHaveValue('customer-portal');
    expect(screen.getByLabelText('Version 3')).toHaveValue('3.0.0');
    expect(screen.getByText('3 changes')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    const sequence = await screen.findByRole('list', { name: 'Safe sequence' });
    expect(log).toContain('POST /release-train');
    const items = within(sequence).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // The portal needs pricing-api 3.0.0, so it goes last.
    expect(items[2]).toHaveTextContent('5.0.0 (stage 2)');
    expect(screen.getByText(/^Safe: 2 deploy stages/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Deploy stages' })).getAllByRole(
        'row',
      ),
    ).toHaveLength(3);
    expect(
      screen.getByRole('list', { name: 'Consumers that must wait' }),
    ).toHaveTextContent(/pricing/i);

    await userEvent.click(
      screen.getByRole('button', { name: 'Export Markdown' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(downloads.map(d => d.name)).toEqual([
      expect.stringMatching(/^release-train-.*\.md$/),
      expect.stringMatching(/^release-train-.*\.json$/),
    ]);
    expect(await downloads[0].text).toContain('## Deployment sequence');
    const json = JSON.parse(await downloads[1].text);
    expect(json.request.changes).toHaveLength(3);
    expect(json.plan.safe).toBe(true);
  });

  it('adds and removes changes by hand, and shows an unknown entity as an error', async () => {
    await renderDependencyMap(<ReleaseTrainPage />);
    await userEvent.type(screen.getByLabelText('Entity 1'), 'no-such-thing');
    await userEvent.type(screen.getByLabelText('Version 1'), '1.0.0');
    await userEvent.click(screen.getByRole('button', { name: 'Add a change' }));
    expect(screen.getByLabelText('Entity 2')).toHaveValue('');
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove change 2' }),
    );
    expect(screen.queryByLabelText('Entity 2')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    await waitFor(() =>
      expect(
        screen.getAllByText(
          /Unknown entities: component:default\/no-such-thing/,
        ).length,
      ).toBeGreaterThan(0),
    );
  });
});
