import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import {
  FailureAnalysis,
  SIGNIFICANCE,
} from '@waybill/plugin-tenant-rollouts-common';

/** Values of the evidence shown, most significant first. */
const SHOWN_EVIDENCE = 5;

const SEVERITY = {
  'no-failures': 'success',
  isolated: 'warning',
  global: 'error',
} as const;

const useStyles = makeStyles({
  table: { '& th, & td:not(:first-child)': { whiteSpace: 'nowrap' } },
});

const p = (value: number) => (value < 0.001 ? '< 0.001' : value.toFixed(3));

/**
 * Whether the rollout's failures concentrate in one segment, region, tier or cloud, or are
 * spread across the estate, with the test behind the verdict.
 */
export function FailureVerdict(props: { analysis: FailureAnalysis }) {
  const { analysis } = props;
  const classes = useStyles();
  return (
    <InfoCard title="Failure analysis">
      <Alert severity={SEVERITY[analysis.verdict]} aria-label="Verdict">
        {analysis.summary}
      </Alert>
      {analysis.evidence.length > 0 && (
        <>
          <Table
            size="small"
            aria-label="Failure evidence"
            className={classes.table}
          >
            <TableHead>
              <TableRow>
                <TableCell>Where</TableCell>
                <TableCell align="right">Here</TableCell>
                <TableCell align="right">Elsewhere</TableCell>
                <TableCell align="right">p</TableCell>
                <TableCell align="right">Adjusted p</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {analysis.evidence.slice(0, SHOWN_EVIDENCE).map(e => (
                <TableRow key={`${e.axis}:${e.value}`}>
                  <TableCell>
                    {e.axis} {e.value}
                  </TableCell>
                  <TableCell align="right">
                    {e.failed} of {e.settled}
                  </TableCell>
                  <TableCell align="right">
                    {e.failedElsewhere} of {e.settledElsewhere}
                  </TableCell>
                  <TableCell align="right">{p(e.pValue)}</TableCell>
                  <TableCell align="right">{p(e.adjustedPValue)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Typography variant="caption" color="textSecondary">
            One-sided Fisher exact test of each value against all other settled
            tenants; p adjusted for testing every value of every axis
            (Westfall-Young permutations). Isolated when an adjusted p is below{' '}
            {SIGNIFICANCE}.
          </Typography>
        </>
      )}
    </InfoCard>
  );
}
