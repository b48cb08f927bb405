import { useApi } from '@backstage/core-plugin-api';
import { MenuItem, TextField } from '@material-ui/core';
import {
  CountedFindings,
  isVersionRange,
  ReleaseRecord,
  Waiver,
} from '@waybill/plugin-scorecards-common';
import { ReasonDialog } from '@waybill/plugin-waybill-react';
import { useState } from 'react';
import { scorecardsApiRef } from '../../api';
import { ExpiryField, useExpiry } from '../shared/ExpiryField';

/** How long a waiver lasts unless the requester says otherwise (capped by the backend's maximum). */
const DEFAULT_WAIVER_DAYS = 7;

const VERSIONS_HINT =
  'One version, e.g. 5.2.0, or a semver range, e.g. >=5.2.0 <5.3.0';

/** The versions a waiver covers: the release's own to start with. */
function VersionsField(props: {
  value: string;
  problem?: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      id="waiver-versions"
      label="Versions"
      fullWidth
      margin="normal"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      error={Boolean(props.problem)}
      helperText={props.problem ?? VERSIONS_HINT}
      inputProps={{ maxLength: 200 }}
    />
  );
}

/**
 * What the waiver accepts, when the check counted findings: the whole check, or one finding
 * (a vulnerability or a SARIF rule) among those it counted.
 */
function FindingField(props: {
  findings: CountedFindings;
  value: string;
  onChange: (value: string) => void;
}) {
  const { findings } = props;
  return (
    <TextField
      id="waiver-finding"
      select
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
      label="Accept"
      fullWidth
      margin="normal"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      helperText={`The check allows ${findings.allowed}; a finding waiver lets it pass once what is left is within that`}
    >
      <MenuItem value="">The whole check</MenuItem>
      {findings.counted.map(f => (
        <MenuItem key={f.id} value={f.id}>
          {f.count > 1 ? `${f.id} (${f.count} findings)` : f.id}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Asks for a waiver of one failing check of the release's entity in one environment, or of one
 * finding the check counted: the versions (the release's by default), a reason and an expiry at
 * most `maxWaiverDays` away. It applies once another person approves it.
 */
export function RequestWaiverDialog(props: {
  release: Pick<ReleaseRecord, 'entityRef' | 'version' | 'maxWaiverDays'>;
  environment: string;
  check: { checkId: string; title: string; findings?: CountedFindings };
  onClose: () => void;
  onRequested: (waiver: Waiver) => void;
}) {
  const { release, environment, check } = props;
  const api = useApi(scorecardsApiRef);
  const [versionRange, setVersionRange] = useState(release.version);
  const [finding, setFinding] = useState('');
  const [segment, setSegment] = useState('');
  const versionsProblem = isVersionRange(versionRange)
    ? undefined
    : `Neither a version nor a semver range: ${VERSIONS_HINT.toLowerCase()}`;
  const expiry = useExpiry({
    thing: 'waiver',
    maxDays: release.maxWaiverDays,
    defaultDays: DEFAULT_WAIVER_DAYS,
  });
  return (
    <ReasonDialog
      id="waiver"
      title={`Request a waiver of ${check.title}${
        finding ? ` (${finding})` : ''
      } for ${environment}`}
      description={
        <>
          Once another person approves it, the {environment} gate of the
          versions below leaves this check out of its decision until the waiver
          expires or is revoked. A waiver may last at most{' '}
          {release.maxWaiverDays} days from now.
        </>
      }
      submitLabel="Request waiver"
      recordedIn="it goes on the waiver's record"
      invalid={Boolean(versionsProblem || expiry.problem)}
      onCancel={props.onClose}
      onSubmit={async reason =>
        props.onRequested(
          await api.requestWaiver({
            entityRef: release.entityRef,
            versionRange: versionRange.trim(),
            environment,
            checkId: check.checkId,
            ...(finding ? { finding } : {}),
            ...(segment.trim() ? { tenantSegment: segment.trim() } : {}),
            reason,
            expiresAt: expiry.expiresAt,
          }),
        )
      }
    >
      {check.findings && check.findings.counted.length > 0 && (
        <FindingField
          findings={check.findings}
          value={finding}
          onChange={setFinding}
        />
      )}
      <VersionsField
        value={versionRange}
        problem={versionsProblem}
        onChange={setVersionRange}
      />
      <TextField
        id="waiver-segment"
        label="Tenant segment"
        fullWidth
        margin="normal"
        value={segment}
        onChange={e => setSegment(e.target.value)}
        helperText="Optional: only deliveries to this segment (a tenant rollout's waves of it); empty for every delivery"
        inputProps={{ maxLength: 100 }}
      />
      <ExpiryField id="waiver-expires" expiry={expiry} />
    </ReasonDialog>
  );
}
