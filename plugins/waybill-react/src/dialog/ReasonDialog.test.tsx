import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReasonDialog } from './ReasonDialog';

function renderDialog(
  overrides: Partial<Parameters<typeof ReasonDialog>[0]> = {},
) {
  const onSubmit = jest.fn();
  const onCancel = jest.fn();
  render(
    <ReasonDialog
      id="roll-back"
      title="Roll back 7.4.0"
      description="Every started wave goes back."
      submitLabel="Roll back"
      recordedIn="it goes in the rollout's trail"
      onSubmit={onSubmit}
      onCancel={onCancel}
      {...overrides}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Roll back 7.4.0' });
  const submit = screen.getByRole('button', { name: 'Roll back' });
  return { dialog, submit, onSubmit, onCancel };
}

describe('ReasonDialog', () => {
  it('is named by its title, says what the action does, and waits for a reason of ten characters', async () => {
    const { dialog, submit, onSubmit } = renderDialog();
    expect(dialog).toHaveTextContent('Every started wave goes back.');
    expect(dialog).toHaveTextContent(
      "Say why, in at least 10 characters: it goes in the rollout's trail",
    );
    expect(submit).toBeDisabled();
    const reason = screen.getByLabelText('Reason');
    expect(reason).toHaveAttribute('id', 'roll-back-reason');
    expect(reason).toHaveAttribute('maxlength', '2000');
    await userEvent.type(reason, '  too short  ');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(submit).toBeDisabled();
    await userEvent.type(reason, 'and more');
    expect(reason).toHaveAttribute('aria-invalid', 'false');
    expect(dialog).not.toHaveTextContent('Say why');
    await userEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledWith('too short  and more');
  });

  it('keeps the action disabled while a further field has a problem, and shows the field below the reason', () => {
    const { submit } = renderDialog({
      invalid: true,
      children: <input aria-label="Expires" />,
    });
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'A reason long enough' },
    });
    expect(screen.getByLabelText('Expires')).toBeInTheDocument();
    expect(submit).toBeDisabled();
  });

  it('is in flight while the action answers, and shows why it failed', async () => {
    let reject: (e: Error) => void = () => {};
    const onSubmit = jest.fn(
      () =>
        new Promise((_, r) => {
          reject = r;
        }),
    );
    const { submit, dialog } = renderDialog({ onSubmit });
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'A reason long enough' },
    });
    await userEvent.click(submit);
    expect(submit).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    reject(new Error('Forbidden: not yours'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Forbidden: not yours',
    );
    await waitFor(() => expect(submit).toBeEnabled());
    expect(dialog).toBeInTheDocument();
  });

  it('cancels', async () => {
    const { onCancel } = renderDialog();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('renders nothing while closed', () => {
    render(
      <ReasonDialog
        id="x"
        open={false}
        title="Hidden"
        description="-"
        submitLabel="Go"
        recordedIn="-"
        onSubmit={jest.fn()}
        onCancel={jest.fn()}
      />,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
