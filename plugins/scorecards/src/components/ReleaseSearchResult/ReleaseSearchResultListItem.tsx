import { Link } from '@backstage/core-components';
import {
  Box,
  ListItemIcon,
  ListItemText,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  HighlightedSearchResultText,
  type DefaultResultListItemProps,
} from '@backstage/plugin-search-react';
import { GateChip, GradeChip } from '../shared/chips';
import { readReleaseResult } from './releaseSearchResult';

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
 * A release in the portal's search results: its name and version, linked to its scorecard, what
 * the release is (entity, owner, system, business processes), and its grade and gate per
 * environment as the release's page shows them.
 */
export function ReleaseSearchResultListItem(props: DefaultResultListItemProps) {
  const { result, highlight, icon, lineClamp = 3 } = props;
  const classes = useStyles();
  if (!result) return null;
  const { grade, gates } = readReleaseResult(result);
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
        <Box className={classes.chips}>
          {grade && <GradeChip grade={grade} />}
          {gates.map(gate => (
            <GateChip key={gate.environment} {...gate} />
          ))}
        </Box>
      </div>
    </div>
  );
}
