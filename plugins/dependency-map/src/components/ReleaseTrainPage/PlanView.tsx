import {
  Box,
  Button,
  Paper,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  ReleaseTrainChange,
  ReleaseTrainPlan,
  rolloutSequence,
} from '@waybill/plugin-dependency-map-common';
import { useMemo, useState } from 'react';
import {
  PlanProblems,
  PlanRejected,
  PlanSequence,
  PlanStages,
} from './PlanSections';
import {
  downloadText,
  formatReleaseTrainList,
  planToJson,
  planToMarkdown,
} from './planText';
import { StartRollouts } from './StartRollouts';
import { DEFAULT_GATE_ENVIRONMENT, startBlockers } from './trainGates';
import { useRolloutRun } from './useRolloutRun';
import { useGateEnvironments, useTrainGates } from './useTrainGates';
import { Hint } from '../shared/Hint';

const useStyles = makeStyles(theme => ({
  paper: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  row: { display: 'flex', gap: theme.spacing(1), alignItems: 'center' },
}));

/** What was planned, and when; `rowKeys[i]` is the form row `changes[i]` came from. */
export interface PlannedTrain {
  changes: ReleaseTrainChange[];
  rowKeys: number[];
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

/** The environment the gates are checked (and the rollouts created) for. */
function GateEnvironmentSelect(props: {
  environments: string[];
  environment: string;
  locked: boolean;
  onChange(environment: string): void;
}) {
  const { environments, environment } = props;
  return (
    <TextField
      id="release-train-gate-environment"
      select
      size="small"
      label="Gate environment"
      value={environment}
      disabled={props.locked}
      helperText={
        props.locked
          ? 'Rollouts were created for this environment'
          : 'The gates are checked, and the rollouts created, for it'
      }
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
    >
      {(environments.includes(environment)
        ? environments
        : [environment, ...environments]
      ).map(env => (
        <option key={env} value={env}>
          {env}
        </option>
      ))}
    </TextField>
  );
}

/** The plan's verdict in words. */
function verdictOf(plan: ReleaseTrainPlan): string {
  if (plan.safe) {
    return `Safe: ${plan.stages.length} ${
      plan.stages.length === 1 ? 'deploy stage' : 'deploy stages'
    }, no blockers or incompatibilities.`;
  }
  if (
    plan.rejected.length > 0 &&
    plan.blockers.length === 0 &&
    plan.incompatibilities.length === 0
  ) {
    return 'Not safe: some changes could not be planned (marked in the changes); the others have no blockers or incompatibilities.';
  }
  return 'Not safe: resolve the blockers and incompatibilities below first.';
}

/**
 * A release-train plan: verdict, the changes that could not be planned, sequence with each
 * release's gate, stages, what blocks it, exports, and starting the rollouts in order.
 */
export function PlanView(props: {
  plan: ReleaseTrainPlan;
  planned: PlannedTrain;
}) {
  const classes = useStyles();
  const { plan, planned } = props;
  const titleOf = (ref: string) =>
    plan.changes.find(c => c.entityRef === ref)?.title ?? ref;
  const environments = useGateEnvironments();
  const [chosen, setEnvironment] = useState<string>();
  const environment =
    chosen ??
    (environments.includes(DEFAULT_GATE_ENVIRONMENT)
      ? DEFAULT_GATE_ENVIRONMENT
      : environments[0]);
  const gates = useTrainGates(plan, environment);
  const run = useRolloutRun(environment);
  const targets = useMemo(() => rolloutSequence(plan), [plan]);
  const blockers = startBlockers({
    plan,
    titleOf,
    environment,
    gates: gates.gates,
    gatesUnavailable: gates.unavailable,
    targets,
  });
  return (
    <Paper className={classes.paper} aria-label="Plan">
      <Box className={classes.row} mb={2}>
        <Typography variant="h6" component="h2" style={{ flex: 1 }}>
          Plan
        </Typography>
        <PlanExportButtons plan={plan} planned={planned} />
      </Box>
      <Alert severity={plan.safe ? 'success' : 'error'}>
        {verdictOf(plan)}
      </Alert>
      <PlanRejected plan={plan} />
      <Box mt={2}>
        {gates.unavailable ? (
          <Typography variant="body2">
            Gates are not checked: {gates.unavailable}
          </Typography>
        ) : (
          <GateEnvironmentSelect
            environments={environments}
            environment={environment}
            locked={run.outcomes.length > 0}
            onChange={setEnvironment}
          />
        )}
      </Box>
      <PlanSequence
        plan={plan}
        titleOf={titleOf}
        environment={environment}
        gates={gates.unavailable ? undefined : { readings: gates.gates }}
      />
      <StartRollouts
        targets={targets}
        blockers={blockers}
        environment={environment}
        run={run}
      />
      <PlanStages plan={plan} />
      <PlanProblems plan={plan} titleOf={titleOf} />
      <Box mt={2}>
        <Hint variant="caption">
          As a list:{' '}
          {formatReleaseTrainList(planned.changes).replace(/\n/g, '; ')}
        </Hint>
      </Box>
    </Paper>
  );
}
