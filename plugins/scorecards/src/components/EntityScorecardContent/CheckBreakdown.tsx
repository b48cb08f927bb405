import { Typography } from '@material-ui/core';
import {
  CheckResult,
  ScorecardEvaluation,
} from '@waybill/plugin-scorecards-common';
import { DataColumn, DataTable } from '@waybill/plugin-waybill-react';

/** The columns: the check and the fix wrap, short values stay on one line. */
function checkColumns(
  evaluation: ScorecardEvaluation,
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
      cell: check => (check.scored ? check.status : 'off'),
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
        header: env,
        id: `environment:${env}`,
        nowrap: true,
        cell: check => check.enforcement[env],
      }),
    ),
    {
      header: 'How to fix',
      cell: check => (check.status === 'pass' ? '—' : check.fixHint),
    },
  ];
}

/** Every check of the evaluation: outcome, observed value against the threshold, weight, enforcement per environment. */
export function CheckBreakdown(props: { evaluation: ScorecardEvaluation }) {
  const { evaluation } = props;
  return (
    <DataTable
      aria-label="Check breakdown"
      columns={checkColumns(evaluation)}
      rows={evaluation.checks}
      rowKey={check => check.id}
    />
  );
}
