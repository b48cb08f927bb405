import { Tooltip } from '@material-ui/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Badge } from './Badge';

describe('Badge', () => {
  it('shows its text on its colour, with the contrast colour unless given', () => {
    render(
      <>
        <Badge background="#000000" aria-label="grade A">
          A
        </Badge>
        <Badge background="#ffffff" colour="#ff0000" size="medium">
          running
        </Badge>
      </>,
    );
    const grade = screen.getByLabelText('grade A');
    expect(grade).toHaveTextContent('A');
    expect(grade).toHaveStyle({
      background: '#000000',
      color: '#fff',
    });
    expect(screen.getByText('running')).toHaveStyle({
      background: '#ffffff',
      color: '#ff0000',
      padding: '4px 12px',
    });
  });

  it('can be wrapped by a tooltip', async () => {
    render(
      <Tooltip title="The policy says fail">
        <Badge background="#00ff00">production: pass (overridden)</Badge>
      </Tooltip>,
    );
    await userEvent.hover(screen.getByText('production: pass (overridden)'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'The policy says fail',
    );
  });
});
