import { Link } from '@backstage/core-components';
import {
  HighlightedSearchResultText,
  type DefaultResultListItemProps,
} from '@backstage/plugin-search-react';
import {
  Box,
  ListItemIcon,
  ListItemText,
  makeStyles,
  Typography,
} from '@material-ui/core';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  item: { display: 'flex', width: '100%' },
  body: { flex: 1, minWidth: 0 },
  text: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
}));

/** A field of the result, highlighted where the search matched it. */
function Highlighted(props: {
  field: 'title' | 'text';
  value: string;
  highlight: DefaultResultListItemProps['highlight'];
}) {
  const { highlight } = props;
  const text = highlight?.fields[props.field];
  return highlight && text ? (
    <HighlightedSearchResultText
      text={text}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    <>{props.value}</>
  );
}

/**
 * A Waybill document in the portal's search results: its title linked to its page and its
 * text, each highlighted where the search matched, and below them what the plugin shows of it
 * (`children`: its chips). Nothing without a result.
 */
export function SearchResultItem(
  props: DefaultResultListItemProps & { children?: ReactNode },
) {
  const { result, highlight, icon, lineClamp = 3, children } = props;
  const classes = useStyles();
  if (!result) return null;
  return (
    <div className={classes.item}>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <div className={classes.body}>
        <ListItemText
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              <Highlighted
                field="title"
                value={result.title}
                highlight={highlight}
              />
            </Link>
          }
          secondary={
            <Typography
              component="span"
              variant="body2"
              color="textSecondary"
              className={classes.text}
              style={{ WebkitLineClamp: lineClamp }}
            >
              <Highlighted
                field="text"
                value={result.text}
                highlight={highlight}
              />
            </Typography>
          }
        />
        <Box className={classes.chips}>{children}</Box>
      </div>
    </div>
  );
}
