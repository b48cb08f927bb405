import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ScorecardEvaluation } from '@waybill/plugin-scorecards-common';

/** Every check of the evaluation: outcome, observed value against the threshold, weight, enforcement per environment. */
export function CheckBreakdown(props: { evaluation: ScorecardEvaluation }) {
  const { evaluation } = props;
  const totalWeight = evaluation.checks
    .filter(c => c.scored)
    .reduce((sum, c) => sum + c.weight, 0);
  return (
    <Table size="small" aria-label="Check breakdown">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Result</TableCell>
          <TableCell>Observed</TableCell>
          <TableCell>Required</TableCell>
          <TableCell>Weight</TableCell>
          {evaluation.environments.map(env => (
            <TableCell key={env}>{env}</TableCell>
          ))}
          <TableCell>How to fix</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {evaluation.checks.map(check => (
          <TableRow key={check.id}>
            <TableCell>
              {check.title}
              <Typography
                variant="caption"
                display="block"
                color="textSecondary"
              >
                {check.reason}
              </Typography>
            </TableCell>
            <TableCell>{check.scored ? check.status : 'off'}</TableCell>
            <TableCell>{check.observedText ?? '—'}</TableCell>
            <TableCell>
              {check.operator} {check.thresholdText}
            </TableCell>
            <TableCell>
              {check.scored
                ? `${check.weight} (${Math.round(
                    (check.weight / (totalWeight || 1)) * 100,
                  )}%)`
                : '—'}
            </TableCell>
            {evaluation.environments.map(env => (
              <TableCell key={env}>{check.enforcement[env]}</TableCell>
            ))}
            <TableCell>
              {check.status === 'pass' ? '—' : check.fixHint}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
