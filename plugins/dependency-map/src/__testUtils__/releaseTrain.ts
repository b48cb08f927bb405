import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Pastes `lines` (`<entity ref> <version>` each) into the release-train planner and adds them. */
export async function pasteChanges(lines: string[]) {
  fireEvent.change(screen.getByLabelText('Paste a list'), {
    target: { value: lines.join('\n') },
  });
  await userEvent.click(
    screen.getByRole('button', { name: 'Add pasted changes' }),
  );
}
