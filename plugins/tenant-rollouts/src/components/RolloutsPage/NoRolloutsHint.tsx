import { parseEntityRef } from '@backstage/catalog-model';
import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import {
  TENANT_TYPE,
  WAYBILL_ANNOTATIONS,
  WAYBILL_LABELS,
} from '@waybill/plugin-waybill-common';

/** A tenant Resource that the release of `entityRef` is rolled out to. */
export function tenantYaml(entityRef: string): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Resource',
    'metadata:',
    '  name: acme-foods',
    '  labels:',
    `    ${WAYBILL_LABELS.segment}: retail`,
    `    ${WAYBILL_LABELS.region}: europe`,
    `    ${WAYBILL_LABELS.tier}: standard`,
    `    ${WAYBILL_LABELS.cloud}: aws`,
    `    ${WAYBILL_LABELS.tenancy}: shared # or dedicated`,
    '  annotations:',
    `    ${WAYBILL_ANNOTATIONS.timeZone}: Europe/Berlin # freeze windows are read in it`,
    'spec:',
    `  type: ${TENANT_TYPE}`,
    '  owner: customer-success',
    '  dependsOn:',
    `    - ${entityRef}`,
  ].join('\n');
}

/** The command deployment tooling runs to plan a rollout of a release, against the portal's backend. */
export function createCommand(backendUrl: string, entityRef: string): string {
  const body = JSON.stringify({
    entityRef,
    version: '$VERSION',
    environment: 'production',
  }).replace('"$VERSION"', `"'"$VERSION"'"`);
  return [
    `curl --fail-with-body -X POST \\`,
    `  -H "Authorization: Bearer $WAYBILL_TOKEN" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}' \\`,
    `  "${backendUrl}/api/tenant-rollouts/rollouts"`,
  ].join('\n');
}

/**
 * What to do when there are no rollouts yet (of an entity, if given): what a rollout is, how
 * tenants are declared in the catalog, and the command that creates one.
 */
export function NoRolloutsHint(props: { entityRef?: string }) {
  const backendUrl = useApi(configApiRef).getOptionalString('backend.baseUrl');
  const entityRef = props.entityRef ?? 'component:default/<name>';
  const title = props.entityRef
    ? `No rollouts of ${parseEntityRef(props.entityRef).name} yet`
    : 'No rollouts yet';
  return (
    <EmptyState
      missing="data"
      title={title}
      description="A rollout delivers one version of a service to one environment's tenants in waves (internal canaries first, say, then a region, then everyone), advancing once a wave is healthy and baked, the release gate passes and no freeze window holds the next wave."
      action={
        <>
          <Typography variant="body2" paragraph>
            Tenants are catalog Resources of <code>spec.type: tenant</code>,
            with the <code>{WAYBILL_LABELS.segment}</code>, <code>region</code>,{' '}
            <code>tier</code>, <code>cloud</code> and <code>tenancy</code>{' '}
            labels the waves select on, and <code>spec.dependsOn</code> naming
            the services that serve them:
          </Typography>
          <CodeSnippet language="yaml" text={tenantYaml(entityRef)} />
          <Typography variant="body2" paragraph style={{ marginTop: 16 }}>
            Then plan a rollout with &quot;New rollout&quot; (if you may create
            rollouts), or from a pipeline with a service token:
          </Typography>
          <CodeSnippet
            language="bash"
            text={createCommand(backendUrl ?? 'https://<portal>', entityRef)}
            showCopyCodeButton
          />
        </>
      }
    />
  );
}
