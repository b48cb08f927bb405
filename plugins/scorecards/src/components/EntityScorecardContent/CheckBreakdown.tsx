import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { ScorecardEvaluation } from '@waybill/plugin-scorecards-common';

const useStyles = makeStyles({
  // Short values stay on one line; the check and the fix wrap.
  short: { whiteSpace: 'nowrap' },
  check: { minWidth: 240 },
  table: { '& th': { whiteSpace: 'nowrap' } },
});

/** Every check of the evaluation: outcome, observed value against the threshold, weight, enforcement per environment. */
export function CheckBreakdown(props: { evaluation: ScorecardEvaluation }) {
  const classes = useStyles();
  const { evaluation } = props;
  const totalWeight = evaluation.checks
    .filter(c => c.scored)
    .reduce((sum, c) => sum + c.weight, 0);
  return (
    <Table size="small" aria-label="Check breakdown" className={classes.table}>
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
            <TableCell className={classes.check}>
              {check.title}
              <Typography
                variant="caption"
                display="block"
                color="textSecondary"
              >
                {check.reason}
              </Typography>
            </TableCell>
            <TableCell className={classes.short}>
              {check.scored ? check.status : 'off'}
            </TableCell>
            <TableCell className={classes.short}>
              {check.observedText ?? '—'}
            </TableCell>
            <TableCell className={classes.short}>
              {check.operator} {check.thresholdText}
            </TableCell>
            <TableCell className={classes.short}>
              {check.scored
                ? `${check.weight} (${Math.round(
                    (check.weight / (totalWeight || 1)) * 100,
                  )}%)`
                : '—'}
            </TableCell>
            {evaluation.environments.map(env => (
              <TableCell key={env} className={classes.short}>
                {check.enforcement[env]}
              </TableCell>
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
