import {
  darken,
  getContrastRatio,
  lighten,
  Theme,
} from '@material-ui/core/styles';

/** WCAG AA's least contrast for normal text. */
const AA = 4.5;

/**
 * A status colour (the theme's success, warning or error main) made readable as text, or as
 * the background of white text: darkened on the light theme and lightened on the dark one, by
 * the least step of 5 % that keeps WCAG AA's 4.5:1 against both the theme's page and paper
 * (the main colours are between 2.8:1 and 3.7:1 on white).
 */
export function readable(theme: Theme, colour: string): string {
  const dark = theme.palette.type === 'dark';
  // The harder of the two backgrounds: the lighter one on the dark theme, the darker on the light.
  const { paper, default: page } = theme.palette.background;
  const against =
    getContrastRatio(colour, paper) <= getContrastRatio(colour, page)
      ? paper
      : page;
  if (getContrastRatio(colour, against) >= AA) return colour;
  for (let step = 1; step <= 20; step++) {
    const candidate = dark
      ? lighten(colour, step * 0.05)
      : darken(colour, step * 0.05);
    if (getContrastRatio(candidate, against) >= AA) return candidate;
  }
  return dark ? '#fff' : '#000';
}
