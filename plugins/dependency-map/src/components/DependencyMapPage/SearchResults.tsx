import {
  Box,
  List,
  ListItem,
  ListItemText,
  makeStyles,
} from '@material-ui/core';
import { Hint } from '../shared/Hint';

const useStyles = makeStyles({
  results: { maxHeight: 200, overflow: 'auto' },
});

/** The nodes in view matching the search (the first 50), to select one. */
export function SearchResults(props: {
  matches: Set<string>;
  titleOf(ref: string): string | undefined;
  selected?: string;
  onSelect(ref: string): void;
}) {
  const classes = useStyles();
  const { matches } = props;
  return (
    <Box mt={1}>
      <Hint>
        {matches.size} {matches.size === 1 ? 'match' : 'matches'} in view
      </Hint>
      <List dense className={classes.results} aria-label="Search results">
        {[...matches].slice(0, 50).map(ref => (
          <ListItem
            key={ref}
            button
            selected={ref === props.selected}
            onClick={() => props.onSelect(ref)}
          >
            <ListItemText primary={props.titleOf(ref) ?? ref} secondary={ref} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
