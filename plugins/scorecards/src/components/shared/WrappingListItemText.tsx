import { ListItemText, ListItemTextProps, makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  root: {
    whiteSpace: 'normal',
    overflow: 'visible',
    '& > *': { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  },
});

/**
 * A list item's text that wraps: Backstage's theme keeps list texts on one line with an
 * ellipsis, which would cut reasons and fix hints short.
 */
export function WrappingListItemText(props: ListItemTextProps) {
  const classes = useStyles();
  return <ListItemText {...props} className={classes.root} />;
}
