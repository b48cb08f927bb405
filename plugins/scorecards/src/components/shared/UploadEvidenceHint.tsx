import { parseEntityRef } from '@backstage/catalog-model';
import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';

/** The exact command a pipeline runs to upload its first piece of evidence for a release. */
export function uploadCommand(baseUrl: string, entityRef?: string): string {
  const { kind, namespace, name } = entityRef
    ? parseEntityRef(entityRef)
    : { kind: 'component', namespace: 'default', name: '<name>' };
  const release = `${baseUrl}/entities/${kind.toLocaleLowerCase(
    'en-US',
  )}/${namespace}/${name}/releases/$VERSION`;
  return [
    `# in the pipeline, after the tests ran (JUnit XML from jest-junit, pytest, Surefire, Gradle)`,
    `curl --fail-with-body -X POST \\`,
    `  -H "Authorization: Bearer $WAYBILL_CI_TOKEN" \\`,
    `  -H "Content-Type: application/xml" \\`,
    `  --data-binary @junit.xml \\`,
    `  "${release}/evidence/tests?commit=$GIT_COMMIT"`,
  ].join('\n');
}

/** What to do when there is no evidence yet: the upload command, with this portal's URL. */
export function UploadEvidenceHint(props: {
  entityRef?: string;
  title?: string;
}) {
  const discoveryApi = useApi(discoveryApiRef);
  const { value: baseUrl } = useAsync(
    () => discoveryApi.getBaseUrl('scorecards'),
    [discoveryApi],
  );
  return (
    <EmptyState
      missing="data"
      title={props.title ?? 'No release evidence yet'}
      description="Scorecards appear once a pipeline uploads evidence for a release: test results, coverage, SARIF scans, a CycloneDX SBOM and the rollback-readiness document."
      action={
        <>
          <Typography variant="body2" paragraph>
            Upload test results from CI with a service token (
            <code>backend.auth.externalAccess</code>); the other kinds are
            coverage, security, dependencies and readiness:
          </Typography>
          <CodeSnippet
            language="bash"
            text={uploadCommand(
              baseUrl ?? 'https://<portal>/api/scorecards',
              props.entityRef,
            )}
            showCopyCodeButton
          />
        </>
      }
    />
  );
}
