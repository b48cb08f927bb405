import { makeStyles, useTheme } from '@material-ui/core/styles';
import { forwardRef, HTMLAttributes } from 'react';

const useStyles = makeStyles(theme => ({
  // A plain badge rather than Material UI's Chip: tables render several per row.
  badge: {
    display: 'inline-block',
    padding: '2px 8px',
    borderRadius: 12,
    fontSize: theme.typography.pxToRem(12),
    lineHeight: 1.5,
    whiteSpace: 'nowrap',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  medium: { padding: '4px 12px', fontSize: theme.typography.pxToRem(14) },
}));

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** The badge's colour. */
  background: string;
  /** The text's colour; the theme's contrast to `background` by default. */
  colour?: string;
  size?: 'small' | 'medium';
}

/**
 * A short status as a coloured, rounded badge: a plain span, cheap enough for several per table
 * row, that forwards its ref and props (so a Tooltip can wrap it).
 */
export const Badge = forwardRef<HTMLSpanElement, BadgeProps>(function BadgeSpan(
  { background, colour, size, className, style, ...rest },
  ref,
) {
  const classes = useStyles();
  const theme = useTheme();
  const classNames = [
    classes.badge,
    size === 'medium' ? classes.medium : undefined,
    className,
  ];
  return (
    <span
      ref={ref}
      {...rest}
      className={classNames.filter(Boolean).join(' ')}
      style={{
        background,
        color: colour ?? theme.palette.getContrastText(background),
        ...style,
      }}
    />
  );
});
