import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionDialog, ActionForm } from './ActionDialog';

function renderForm(props: { canSubmit: boolean; error?: string }) {
  const onSubmit = jest.fn();
  const onCancel = jest.fn();
  render(
    <ActionDialog id="new-thing" onClose={onCancel}>
      <ActionForm
        id="new-thing"
        title="New thing"
        description="Makes a thing."
        submitLabel="Create thing"
        canSubmit={props.canSubmit}
        error={props.error}
        onSubmit={onSubmit}
        onCancel={onCancel}
      >
        <label>
          Name
          <input />
        </label>
      </ActionForm>
    </ActionDialog>,
  );
  return { onSubmit, onCancel };
}

describe('ActionDialog and ActionForm', () => {
  it('names the dialog by its title and submits with the button or Enter', async () => {
    const { onSubmit } = renderForm({ canSubmit: true });
    const dialog = screen.getByRole('dialog', { name: 'New thing' });
    expect(dialog).toHaveTextContent('Makes a thing.');
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.type(screen.getByLabelText('Name'), 'x{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Create thing' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('does not submit while the fields are not ready, and shows the last error', async () => {
    const { onSubmit, onCancel } = renderForm({
      canSubmit: false,
      error: 'No tenant depends on it',
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'No tenant depends on it',
    );
    expect(screen.getByRole('button', { name: 'Create thing' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Name'), 'x{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
