import { Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import {
  CheckResult,
  ScorecardEvaluation,
} from '@waybill/plugin-scorecards-common';
import { DataColumn, DataTable, readable } from '@waybill/plugin-waybill-react';
import { FixHint } from '../shared/FixHint';

const useStyles = makeStyles(theme => ({
  pass: { color: readable(theme, theme.palette.success.main), fontWeight: 600 },
  fail: { color: readable(theme, theme.palette.error.main), fontWeight: 600 },
  missing: {
    color: readable(theme, theme.palette.warning.main),
    fontWeight: 600,
  },
  off: { color: theme.palette.text.secondary },
  blocks: { color: readable(theme, theme.palette.error.main), fontWeight: 600 },
  warns: {
    color: readable(theme, theme.palette.warning.main),
    fontWeight: 600,
  },
  idle: { color: theme.palette.text.secondary },
}));

type Classes = ReturnType<typeof useStyles>;

/** A check's result in words: passes, fails, no evidence, or not scored. */
const RESULT_TEXT = {
  pass: 'passes',
  fail: 'fails',
  missing: 'no evidence',
  off: 'not scored',
} as const;

/**
 * What the check does to an environment's gate, in words: `blocks` or `warns` while it fails
 * (coloured then), `would block` / `would warn` while it passes, `—` where it is off.
 */
function effect(check: CheckResult, environment: string, classes: Classes) {
  const enforcement = check.enforcement[environment];
  if (!enforcement || enforcement === 'off') {
    return <span className={classes.idle}>—</span>;
  }
  const failing = check.status !== 'pass';
  const verb = enforcement === 'fail' ? 'block' : 'warn';
  if (!failing) {
    return <span className={classes.idle}>would {verb}</span>;
  }
  return (
    <span className={enforcement === 'fail' ? classes.blocks : classes.warns}>
      {verb}s
    </span>
  );
}

/** The columns: the check and the fix wrap, short values stay on one line. */
function checkColumns(
  evaluation: ScorecardEvaluation,
  classes: Classes,
): Array<DataColumn<CheckResult>> {
  const totalWeight = evaluation.checks
    .filter(c => c.scored)
    .reduce((sum, c) => sum + c.weight, 0);
  return [
    {
      header: 'Check',
      minWidth: 240,
      cell: check => (
        <>
          {check.title}
          <Typography variant="caption" display="block" color="textSecondary">
            {check.reason}
          </Typography>
        </>
      ),
    },
    {
      header: 'Result',
      nowrap: true,
      cell: check => {
        const result = check.scored ? check.status : 'off';
        return <span className={classes[result]}>{RESULT_TEXT[result]}</span>;
      },
    },
    {
      header: 'Observed',
      nowrap: true,
      cell: check => check.observedText ?? '—',
    },
    {
      header: 'Required',
      nowrap: true,
      cell: check => `${check.operator} ${check.thresholdText}`,
    },
    {
      header: 'Weight',
      nowrap: true,
      cell: check =>
        check.scored
          ? `${check.weight} (${Math.round(
              (check.weight / (totalWeight || 1)) * 100,
            )}%)`
          : '—',
    },
    ...evaluation.environments.map(
      (env): DataColumn<CheckResult> => ({
        header: `Effect on ${env}`,
        id: `environment:${env}`,
        nowrap: true,
        cell: check => effect(check, env, classes),
      }),
    ),
    {
      header: 'How to fix',
      cell: check =>
        check.status === 'pass' ? '—' : <FixHint hint={check.fixHint} />,
    },
  ];
}

/**
 * Every check of the evaluation: its result, the observed value against the threshold, its
 * weight, then what it does to each environment's gate (blocks or warns while it fails, would
 * block or would warn while it passes), and how to fix it.
 */
export function CheckBreakdown(props: { evaluation: ScorecardEvaluation }) {
  const { evaluation } = props;
  const classes = useStyles();
  return (
    <DataTable
      aria-label="Check breakdown"
      columns={checkColumns(evaluation, classes)}
      rows={evaluation.checks}
      rowKey={check => check.id}
    />
  );
}
