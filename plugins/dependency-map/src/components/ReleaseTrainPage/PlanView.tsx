import { Box, Button, Paper, Typography, makeStyles } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  ReleaseTrainChange,
  ReleaseTrainPlan,
} from '@waybill/plugin-dependency-map-common';
import { PlanProblems, PlanSequence, PlanStages } from './PlanSections';
import {
  downloadText,
  formatReleaseTrainList,
  planToJson,
  planToMarkdown,
} from './planText';

const useStyles = makeStyles(theme => ({
  paper: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  row: { display: 'flex', gap: theme.spacing(1), alignItems: 'center' },
}));

/** What was planned, and when. */
export interface PlannedTrain {
  changes: ReleaseTrainChange[];
  at: Date;
}

/** Downloads of the plan: JSON (request and answer) and a Markdown change record. */
function PlanExportButtons(props: {
  plan: ReleaseTrainPlan;
  planned: PlannedTrain;
}) {
  const { plan, planned } = props;
  const stamp = planned.at.toISOString().replace(/[:.]/g, '-');
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={() =>
          downloadText(
            `release-train-${stamp}.json`,
            planToJson(planned.changes, plan, { createdAt: planned.at }),
            'application/json',
          )
        }
      >
        Export JSON
      </Button>
      <Button
        size="small"
        variant="outlined"
        onClick={() =>
          downloadText(
            `release-train-${stamp}.md`,
            planToMarkdown(plan, { createdAt: planned.at }),
            'text/markdown',
          )
        }
      >
        Export Markdown
      </Button>
    </>
  );
}

/** A release-train plan: verdict, sequence, stages, what blocks it, and exports. */
export function PlanView(props: {
  plan: ReleaseTrainPlan;
  planned: PlannedTrain;
}) {
  const classes = useStyles();
  const { plan, planned } = props;
  const titleOf = (ref: string) =>
    plan.changes.find(c => c.entityRef === ref)?.title ?? ref;
  return (
    <Paper className={classes.paper} aria-label="Plan">
      <Box className={classes.row} mb={2}>
        <Typography variant="h6" component="h2" style={{ flex: 1 }}>
          Plan
        </Typography>
        <PlanExportButtons plan={plan} planned={planned} />
      </Box>
      <Alert severity={plan.safe ? 'success' : 'error'}>
        {plan.safe
          ? `Safe: ${plan.stages.length} ${
              plan.stages.length === 1 ? 'deploy stage' : 'deploy stages'
            }, no blockers or incompatibilities.`
          : 'Not safe: resolve the blockers and incompatibilities below first.'}
      </Alert>
      <PlanSequence plan={plan} titleOf={titleOf} />
      <PlanStages plan={plan} />
      <PlanProblems plan={plan} titleOf={titleOf} />
      <Box mt={2}>
        <Typography variant="caption" color="textSecondary">
          As a list:{' '}
          {formatReleaseTrainList(planned.changes).replace(/\n/g, '; ')}
        </Typography>
      </Box>
    </Paper>
  );
}
