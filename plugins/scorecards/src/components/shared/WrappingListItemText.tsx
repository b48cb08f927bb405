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
 * ellipsis, which would cut reasons and fix hints short. Its secondary text is a block.
 */
export function WrappingListItemText(props: ListItemTextProps) {
  const classes = useStyles();
  return (
    <ListItemText
      // The secondary text may hold blocks (a rendered fix hint), which a <p> may not. Material
      // UI 4 types these props' `component` as the default element only, hence the cast.
      secondaryTypographyProps={
        {
          component: 'div',
        } as unknown as ListItemTextProps['secondaryTypographyProps']
      }
      {...props}
      className={classes.root}
    />
  );
}
