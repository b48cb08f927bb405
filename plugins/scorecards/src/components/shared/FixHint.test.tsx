import { render, screen } from '@testing-library/react';
import { escapeRawHtml, FixHint } from './FixHint';

describe('escapeRawHtml', () => {
  it('escapes raw HTML outside code spans and keeps code spans as written', () => {
    expect(escapeRawHtml('Run `a < b` then <b>stop</b>')).toBe(
      'Run `a < b` then \\<b>stop\\</b>',
    );
    expect(escapeRawHtml('``x<y`` and <i>')).toBe('``x<y`` and \\<i>');
  });

  it('treats a backtick with no closing run as a plain character', () => {
    expect(escapeRawHtml('a ` b <img src=x>')).toBe('a ` b \\<img src=x>');
  });
});

describe('FixHint', () => {
  it('renders Markdown: code, emphasis and links, with raw HTML as text', () => {
    const { container } = render(
      <FixHint hint="Run `npm audit fix`, **then** see [the guide](https://example.com/guide) <img src=x>" />,
    );
    expect(screen.getByText('npm audit fix').tagName).toBe('CODE');
    expect(screen.getByText('then').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: /^the guide/ })).toHaveAttribute(
      'href',
      'https://example.com/guide',
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x>');
  });
});
