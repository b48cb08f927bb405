import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { rolloutView } from '../../__testUtils__/fixtures';
import {
  renderRollouts,
  ROLLOUTS_URL,
  setupRolloutsServer,
} from '../../__testUtils__/renderRollouts';
import { CreateRolloutDialog } from './CreateRolloutDialog';

const server = setupRolloutsServer();

describe('CreateRolloutDialog', () => {
  it('checks the environment, and uses the default strategy when the strategies cannot be loaded', async () => {
    const created: unknown[] = [];
    server.use(
      http.get(`${ROLLOUTS_URL}/strategies`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'catalog unavailable' },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
      http.post(`${ROLLOUTS_URL}/rollouts`, async ({ request }) => {
        created.push(await request.json());
        return HttpResponse.json(rolloutView({ id: 3 }), { status: 201 });
      }),
    );
    const onCreated = jest.fn();
    const onClose = jest.fn();
    await renderRollouts(
      <CreateRolloutDialog
        open
        entityRef="component:default/sales"
        onClose={onClose}
        onCreated={onCreated}
      />,
    );

    const dialog = await screen.findByRole('dialog', { name: 'New rollout' });
    expect(
      await within(dialog).findByText(/catalog unavailable/),
    ).toHaveTextContent('the rollout will use the default strategy');
    await userEvent.type(within(dialog).getByLabelText('Version'), '7.4.1');
    const environment = within(dialog).getByLabelText('Environment');
    await userEvent.clear(environment);
    await userEvent.type(environment, 'Prod EU');
    expect(
      within(dialog).getByText(/Lowercase letters, digits and dashes/),
    ).toBeInTheDocument();
    const create = within(dialog).getByRole('button', {
      name: 'Create rollout',
    });
    expect(create).toBeDisabled();

    await userEvent.clear(environment);
    await userEvent.type(environment, 'stag');
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('staging'),
    );
    expect(environment).toHaveValue('staging');
    await userEvent.click(create);

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0][0]).toMatchObject({ id: 3 });
    expect(created).toEqual([
      {
        entityRef: 'component:default/sales',
        version: '7.4.1',
        environment: 'staging',
      },
    ]);
    expect(onClose).not.toHaveBeenCalled();
  });
});
