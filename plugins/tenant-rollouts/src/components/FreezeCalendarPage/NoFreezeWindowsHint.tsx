import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { WAYBILL_ANNOTATIONS } from '@waybill/plugin-waybill-common';

/** Freeze windows of each kind, as `app-config.yaml` declares them. */
export const FREEZE_WINDOWS_EXAMPLE = `tenantRollouts:
  freezeWindows:
    - id: friday-cutoff
      title: Friday shipping cut-off
      reason: Warehouses close the week's orders.
      schedule: { kind: weekly, days: [fri], from: '16:00', to: '20:00' }
    - id: retail-peak
      title: Retail peak season
      scope: { segment: [retail] }
      schedule: { kind: yearly, from: '11-20', to: '01-05' }
    - id: quarter-close
      title: Quarter close
      scope: { tier: [critical] }
      schedule: { kind: quarter-close, lastDays: 3, firstDays: 1 }
    - id: go-live
      title: Go-live weekend
      scope: { tenants: [acme-foods] }
      timeZone: America/New_York
      schedule: { kind: one-off, start: '2026-12-05T00:00', end: '2026-12-07T00:00' }`;

/** What to do when no freeze window is configured: the config that declares them. */
export function NoFreezeWindowsHint() {
  return (
    <EmptyState
      missing="content"
      title="No freeze windows configured"
      description="Freeze windows hold rollouts back from the tenants they cover: a wave over frozen tenants does not start or advance until the freeze ends, unless someone overrides it with a reason."
      action={
        <>
          <Typography variant="body2" paragraph>
            Declare them in the backend's <code>app-config.yaml</code>. Times
            are wall-clock times in each tenant&apos;s time zone (its{' '}
            <code>{WAYBILL_ANNOTATIONS.timeZone}</code> annotation) unless the
            window names a <code>timeZone</code>; a <code>scope</code> (region,
            segment, tier, tenants) narrows whom it covers.
          </Typography>
          <CodeSnippet language="yaml" text={FREEZE_WINDOWS_EXAMPLE} />
        </>
      }
    />
  );
}
