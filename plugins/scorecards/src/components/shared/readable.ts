import { darken, lighten, Theme } from '@material-ui/core/styles';

/**
 * A status colour (the theme's success, warning or error main) made readable as text, or as
 * the background of white text: darkened on the light theme and lightened on the dark one,
 * enough to keep WCAG AA's 4.5:1 (the main colours are between 2.8:1 and 3.7:1 on white).
 */
export function readable(theme: Theme, colour: string): string {
  return theme.palette.type === 'dark'
    ? lighten(colour, 0.35)
    : darken(colour, 0.35);
}
