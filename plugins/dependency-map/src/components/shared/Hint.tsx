import { makeStyles, Typography, TypographyProps } from '@material-ui/core';

// The theme's subtle text colour keeps WCAG AA's 4.5:1 on the page's grey, where the map's
// captions sit; Material UI's textSecondary does not (4.3:1).
const useStyles = makeStyles(theme => ({
  hint: { color: theme.palette.textSubtle },
}));

/** A line of secondary text: a caption, a hint or what a list holds. */
export function Hint(props: Omit<TypographyProps, 'color'>) {
  const classes = useStyles();
  const { className, variant = 'body2', ...rest } = props;
  return (
    <Typography
      {...rest}
      variant={variant}
      className={className ? `${classes.hint} ${className}` : classes.hint}
    />
  );
}
