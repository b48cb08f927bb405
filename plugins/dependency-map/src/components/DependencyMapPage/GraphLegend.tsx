import { Box, Typography, makeStyles } from '@material-ui/core';
import { colourOfType } from '../shared/colours';

const useStyles = makeStyles(theme => ({
  legend: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 2,
    marginRight: 4,
    verticalAlign: 'middle',
  },
}));

/** The colour of each node type in view. */
export function GraphLegend(props: { types: string[] }) {
  const classes = useStyles();
  return (
    <Box mt={1} className={classes.legend} aria-label="Legend">
      {props.types.map(type => (
        <Typography key={type} variant="caption">
          <span
            className={classes.swatch}
            style={{ background: colourOfType(type) }}
          />
          {type}
        </Typography>
      ))}
    </Box>
  );
}
