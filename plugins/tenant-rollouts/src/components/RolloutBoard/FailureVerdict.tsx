import { InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  FailureAnalysis,
  ValueEvidence,
  SIGNIFICANCE,
} from '@waybill/plugin-tenant-rollouts-common';
import { DataColumn, DataTable } from '@waybill/plugin-waybill-react';

/** Values of the evidence shown, most significant first. */
const SHOWN_EVIDENCE = 5;

const SEVERITY = {
  'no-failures': 'success',
  isolated: 'warning',
  global: 'error',
} as const;

const p = (value: number) => (value < 0.001 ? '< 0.001' : value.toFixed(3));

/** A value of an axis, then its failures against everywhere else's and how likely by chance. */
const EVIDENCE_COLUMNS: Array<DataColumn<ValueEvidence>> = [
  { header: 'Where', cell: e => `${e.axis} ${e.value}` },
  {
    header: 'Here',
    align: 'right',
    nowrap: true,
    cell: e => `${e.failed} of ${e.settled}`,
  },
  {
    header: 'Elsewhere',
    align: 'right',
    nowrap: true,
    cell: e => `${e.failedElsewhere} of ${e.settledElsewhere}`,
  },
  { header: 'p', align: 'right', nowrap: true, cell: e => p(e.pValue) },
  {
    header: 'Adjusted p',
    align: 'right',
    nowrap: true,
    cell: e => p(e.adjustedPValue),
  },
];

/**
 * Whether the rollout's failures concentrate in one segment, region, tier or cloud, or are
 * spread across the estate, with the test behind the verdict.
 */
export function FailureVerdict(props: { analysis: FailureAnalysis }) {
  const { analysis } = props;
  return (
    <InfoCard title="Failure analysis">
      <Alert severity={SEVERITY[analysis.verdict]} aria-label="Verdict">
        {analysis.summary}
      </Alert>
      {analysis.evidence.length > 0 && (
        <>
          <DataTable
            aria-label="Failure evidence"
            columns={EVIDENCE_COLUMNS}
            rows={analysis.evidence.slice(0, SHOWN_EVIDENCE)}
            rowKey={e => `${e.axis}:${e.value}`}
          />
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
