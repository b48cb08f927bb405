import { act, render, screen } from '@testing-library/react';
import { TableScroller } from './TableScroller';

describe('TableScroller', () => {
  const original = (globalThis as any).ResizeObserver;
  let notify: () => void;
  beforeEach(() => {
    (globalThis as any).ResizeObserver = class {
      constructor(callback: () => void) {
        notify = callback;
      }
      observe() {}
      disconnect() {}
    };
  });
  afterEach(() => {
    (globalThis as any).ResizeObserver = original;
  });

  /** Renders a table in the scroller, whose content is `content` px wide in a `width` px box. */
  function renderScroller(sizes: { width: number; content: number }) {
    jest
      .spyOn(HTMLElement.prototype, 'clientWidth', 'get')
      .mockImplementation(() => sizes.width);
    jest
      .spyOn(HTMLElement.prototype, 'scrollWidth', 'get')
      .mockImplementation(() => sizes.content);
    render(
      <TableScroller label="Next freezes">
        <table aria-label="Next freezes" />
      </TableScroller>,
    );
  }

  afterEach(() => jest.restoreAllMocks());

  it('is a plain box while the table fits', () => {
    renderScroller({ width: 800, content: 800 });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.getByRole('table').parentElement).not.toHaveAttribute(
      'tabindex',
    );
  });

  it('is a named, focusable region while the table scrolls sideways, and not once it fits again', () => {
    const sizes = { width: 600, content: 900 };
    renderScroller(sizes);
    const region = screen.getByRole('region', {
      name: 'Next freezes (scrolls sideways)',
    });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toContainElement(screen.getByRole('table'));

    sizes.width = 1000;
    act(() => notify());
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
