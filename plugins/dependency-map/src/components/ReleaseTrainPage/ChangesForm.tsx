import { Box, Button, Paper, Typography, makeStyles } from '@material-ui/core';
import type {
  DependencyNode,
  RejectedChange,
} from '@waybill/plugin-dependency-map-common';
import { ChangeRows } from './ChangeRows';
import { PasteChanges } from './PasteChanges';
import type { ReleaseTrainChanges } from './useReleaseTrainChanges';
import { Hint } from '../shared/Hint';

const useStyles = makeStyles(theme => ({
  paper: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  row: { display: 'flex', gap: theme.spacing(1), alignItems: 'center' },
}));

/** The changes of the train, typed or pasted, and the button that plans them. */
export function ChangesForm(props: {
  train: ReleaseTrainChanges;
  known: DependencyNode[];
  planning: boolean;
  /** The changes the last plan could not plan, by row key. */
  rejected: ReadonlyMap<number, RejectedChange>;
  onPlan(): void;
}) {
  const classes = useStyles();
  const { train } = props;
  const count = train.changes.length;
  return (
    <Paper className={classes.paper}>
      <Typography variant="h6" component="h2" gutterBottom>
        Changes
      </Typography>
      <ChangeRows train={train} known={props.known} rejected={props.rejected} />
      <Button size="small" onClick={train.addRow}>
        Add a change
      </Button>
      <PasteChanges train={train} />
      <Box mt={2} className={classes.row}>
        <Button
          variant="contained"
          color="primary"
          disabled={count === 0 || props.planning}
          onClick={props.onPlan}
        >
          Plan release train
        </Button>
        <Hint variant="body2">
          {count} {count === 1 ? 'change' : 'changes'}
        </Hint>
      </Box>
    </Paper>
  );
}
