import { createTheme, Theme } from '@material-ui/core/styles';
import { getContrastRatio } from '@material-ui/core/styles/colorManipulator';
import { readable } from './readable';

const STATUSES = ['success', 'warning', 'error'] as const;

/** The least contrast of a text colour on the theme's page and paper. */
const leastContrast = (theme: Theme, colour: string) =>
  Math.min(
    getContrastRatio(colour, theme.palette.background.default),
    getContrastRatio(colour, theme.palette.background.paper),
  );

describe('readable', () => {
  // Backstage's light page is a grey (#F8F8F8), harder than white.
  const light = createTheme({
    palette: { type: 'light', background: { default: '#F8F8F8' } },
  });
  const dark = createTheme({ palette: { type: 'dark' } });

  it.each(STATUSES)(
    "keeps the light theme's %s colour at 4.5:1 on its page and under white text",
    status => {
      const main = light.palette[status].main;
      expect(leastContrast(light, main)).toBeLessThan(4.5);
      const colour = readable(light, main);
      expect(leastContrast(light, colour)).toBeGreaterThanOrEqual(4.5);
      expect(getContrastRatio(colour, '#fff')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(STATUSES)(
    "keeps the dark theme's %s colour at 4.5:1 on its page and paper",
    status => {
      const colour = readable(dark, dark.palette[status].main);
      expect(leastContrast(dark, colour)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('leaves a colour that is readable already as it is', () => {
    expect(readable(light, '#1b5e20')).toBe('#1b5e20');
  });
});
