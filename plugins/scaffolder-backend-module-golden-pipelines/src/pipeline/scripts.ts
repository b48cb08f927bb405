/*
 * Shell scripts of the golden pipeline. They read every value from environment variables (set
 * by the renderers from plan values) and never contain CI expressions, so nothing a pull
 * request author controls can become shell code. Calls to Waybill authenticate with the CI
 * provider's OIDC token through `waybill_token`, which each renderer defines.
 */
import { Cloud, DeployStrategy, TenancyModel } from './model';

const strict = 'set -euo pipefail';

/** Checks that the repository still describes itself as the conventions require. */
export function sourceValidation(): string {
  return [
    strict,
    'node scripts/validate-repository.mjs catalog-info.yaml waybill/rollout-strategy.yaml deploy/kubernetes',
  ].join('\n');
}

/** The release version: package.json's version plus the commit, so every build is distinct. */
export function releaseVersion(): string {
  return [
    strict,
    'base=$(node -p "require(\'./package.json\').version")',
    'echo "version=${base}+${COMMIT:0:12}" >> "$PIPELINE_OUTPUT"',
  ].join('\n');
}

/** terraform fmt and validate for one cloud's stubs, without a backend or credentials. */
export function iacValidation(cloud: Cloud): string {
  return [
    strict,
    `terraform -chdir=infra/${cloud} fmt -check -recursive`,
    `terraform -chdir=infra/${cloud} init -backend=false -input=false`,
    `terraform -chdir=infra/${cloud} validate`,
  ].join('\n');
}

/** Integration tests, and contract tests against each provider API version range. */
export function integrationTests(
  contractApis: Array<{ api: string; range: string }>,
): string {
  const lines = [strict, 'npm run test:integration'];
  for (const { api, range } of contractApis) {
    lines.push(`npm run test:contract -- --api '${api}' --range '${range}'`);
  }
  return lines.join('\n');
}

/** Smoke tests of the staging deployment. */
export function smokeTests(): string {
  return [strict, 'npm run test:smoke -- --base-url "$STAGING_URL"'].join('\n');
}

/** Rollback drill on staging: the previous release redeploys and migrations reverse. */
export function rollbackReadiness(): string {
  return [
    strict,
    'npm run rollback:drill -- --base-url "$STAGING_URL" --report reports/readiness.json',
  ].join('\n');
}

/** Signs in to a cluster and rolls the new image out with the chosen strategy. */
export function deploy(
  cloud: Cloud,
  strategy: DeployStrategy,
  environment: string,
): string {
  return [
    strict,
    kubeconfig(cloud),
    rollout(strategy, environment, '"$NAMESPACE"'),
  ].join('\n');
}

function kubeconfig(cloud: Cloud): string {
  switch (cloud) {
    case 'aws':
      return 'aws eks update-kubeconfig --name "$AWS_EKS_CLUSTER" --region "$AWS_REGION"';
    case 'azure':
      return 'az aks get-credentials --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_AKS_CLUSTER" --overwrite-existing';
    case 'gcp':
      return 'gcloud container clusters get-credentials "$GCP_GKE_CLUSTER" --region "$GCP_REGION" --project "$GCP_PROJECT"';
    default:
      throw new Error(`unknown cloud ${cloud as string}`);
  }
}

function rollout(
  strategy: DeployStrategy,
  environment: string,
  namespace: string,
): string {
  const overlay = `deploy/kubernetes/overlays/${environment}`;
  const lines = [`kubectl apply -k ${overlay} --namespace ${namespace}`];
  switch (strategy) {
    case 'rolling':
      lines.push(
        `kubectl --namespace ${namespace} set image "deployment/$SERVICE" "app=$IMAGE@$DIGEST"`,
        `kubectl --namespace ${namespace} rollout status "deployment/$SERVICE" --timeout=10m`,
      );
      break;
    case 'canary':
      lines.push(
        `kubectl --namespace ${namespace} set image "deployment/$SERVICE-canary" "app=$IMAGE@$DIGEST"`,
        `kubectl --namespace ${namespace} scale "deployment/$SERVICE-canary" --replicas=1`,
        `kubectl --namespace ${namespace} rollout status "deployment/$SERVICE-canary" --timeout=10m`,
        `kubectl --namespace ${namespace} set image "deployment/$SERVICE" "app=$IMAGE@$DIGEST"`,
        `kubectl --namespace ${namespace} rollout status "deployment/$SERVICE" --timeout=10m`,
        `kubectl --namespace ${namespace} scale "deployment/$SERVICE-canary" --replicas=0`,
      );
      break;
    case 'blue-green':
      lines.push(
        `live=$(kubectl --namespace ${namespace} get service "$SERVICE" -o jsonpath='{.spec.selector.track}')`,
        'if [ "$live" = blue ]; then idle=green; else idle=blue; fi',
        `kubectl --namespace ${namespace} set image "deployment/$SERVICE-$idle" "app=$IMAGE@$DIGEST"`,
        `kubectl --namespace ${namespace} rollout status "deployment/$SERVICE-$idle" --timeout=10m`,
        `kubectl --namespace ${namespace} patch service "$SERVICE" --type merge -p "{\\"spec\\":{\\"selector\\":{\\"track\\":\\"$idle\\"}}}"`,
      );
      break;
    default:
      throw new Error(`unknown strategy ${strategy as string}`);
  }
  return lines.join('\n');
}

const release =
  '"$WAYBILL_URL/api/scorecards/entities/component/default/$COMPONENT/releases/$(jq -rn --arg v "$VERSION" \'$v|@uri\')"';

/** Uploads the reports of this run as evidence of the release. */
export function evidenceUpload(withReadiness: boolean): string {
  const uploads = [
    'upload tests reports/junit/unit.xml application/xml',
    'upload coverage reports/coverage/lcov.info text/plain',
    'for sarif in reports/sast/*.sarif; do upload security "$sarif" application/sarif+json; done',
    'upload dependencies reports/dependencies.cdx.json application/vnd.cyclonedx+json',
    'if [ -f reports/junit/integration.xml ]; then upload tests reports/junit/integration.xml application/xml; fi',
    'upload tests reports/junit/smoke.xml application/xml staging',
  ];
  if (withReadiness) {
    uploads.push(
      'upload readiness reports/readiness.json application/json staging',
    );
  }
  return [
    strict,
    'token=$(waybill_token)',
    'upload() {',
    '  kind=$1 file=$2 type=$3 environment=${4:-}',
    `  status=$(curl -sS -o response.json -w '%{http_code}' -X POST \\`,
    '    -H "Authorization: Bearer $token" -H "Content-Type: $type" --data-binary "@$file" \\',
    '    --url-query "commit=$COMMIT" --url-query "pipelineUrl=$RUN_URL" \\',
    '    ${environment:+--url-query "environment=$environment"} \\',
    `    ${release}/evidence/$kind)`,
    '  if [ "$status" != 200 ] && [ "$status" != 201 ]; then',
    '    echo "Evidence upload of $file ($kind) answered $status:" >&2; cat response.json >&2; exit 1',
    '  fi',
    '}',
    ...uploads,
  ].join('\n');
}

/** Asks the scorecards gate and stops unless its decision is one the tier accepts. */
export function gateCheck(
  environment: string,
  accepted: readonly string[],
): string {
  return [
    strict,
    'token=$(waybill_token)',
    `curl -fsS -H "Authorization: Bearer $token" ${release}/gates/${environment} > gate.json`,
    'decision=$(jq -r .decision gate.json)',
    `echo "Gate for ${environment}: $decision"`,
    `case "$decision" in`,
    `  ${accepted.join('|')}) ;;`,
    `  *) jq -r '.reasons[]? | "- \\(.title // .checkId): \\(.fixHint // "")"' gate.json >&2`,
    `     echo "The scorecards gate does not let this release into ${environment} (decision: $decision; this tier needs ${accepted.join(
      ' or ',
    )})" >&2`,
    '     exit 1 ;;',
    'esac',
  ].join('\n');
}

const rollouts = '"$WAYBILL_URL/api/tenant-rollouts/rollouts"';

/** Creates (or finds, idempotently) the tenant rollout of this release. */
export function startRollout(): string {
  return [
    strict,
    'token=$(waybill_token)',
    'jq -n --arg entityRef "component:default/$COMPONENT" --arg version "$VERSION" --arg tenancy "$TENANCY" \\',
    '  --arg pipelineUrl "$RUN_URL" --rawfile strategy waybill/rollout-strategy.yaml \\',
    "  '{entityRef: $entityRef, version: $version, tenancy: $tenancy, pipelineUrl: $pipelineUrl, strategy: $strategy}' > rollout-request.json",
    `curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \\`,
    `  --data-binary @rollout-request.json ${rollouts} > rollout.json`,
    'echo "rollout-id=$(jq -r .id rollout.json)" >> "$PIPELINE_OUTPUT"',
  ].join('\n');
}

/**
 * Advances one wave on one cloud: the tenant-rollouts API checks the gate, the previous wave's
 * health and freeze windows and answers with the wave's tenants on that cloud; the job deploys
 * (dedicated tenants: one namespace each; shared: the release track, once, in the first wave),
 * reports each tenant's deployment and waits, bounded, for the wave to turn healthy.
 */
export function rolloutWave(
  wave: string,
  cloud: Cloud,
  tenancy: TenancyModel,
  deploys: boolean,
): string {
  const base = `${rollouts}/"$ROLLOUT_ID"/waves/${wave}`;
  const lines = [
    strict,
    'token=$(waybill_token)',
    `curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \\`,
    `  --data '{"cloud":"${cloud}"}' ${base}/advance > wave.json`,
    kubeconfig(cloud),
    'report() {',
    `  jq -n --arg tenant "$1" --arg status "$2" --arg version "$VERSION" --arg pipelineUrl "$RUN_URL" \\`,
    `    '{tenant: $tenant, cloud: "${cloud}", status: $status, version: $version, pipelineUrl: $pipelineUrl}' |`,
    `    curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \\`,
    `      --data-binary @- ${base}/deployments > /dev/null`,
    '}',
    "jq -r '.tenants[].name' wave.json > tenants.txt",
    'while read -r tenant; do',
    '  case "$tenant" in (*[!a-z0-9-]*|"") echo "Refusing tenant name from the rollouts API: $tenant" >&2; exit 1 ;; esac',
    'done < tenants.txt',
  ];
  if (tenancy === 'dedicated') {
    lines.push(
      'while read -r tenant; do',
      `  if (${rollout('rolling', 'production', '"$NAMESPACE-$tenant"')
        .split('\n')
        .join(' && ')}); then`,
      '    report "$tenant" succeeded',
      '  else',
      '    report "$tenant" failed; exit 1',
      '  fi',
      'done < tenants.txt',
    );
  } else {
    if (deploys) {
      lines.push(rollout('rolling', 'production', '"$NAMESPACE"'));
    }
    lines.push(
      'while read -r tenant; do report "$tenant" succeeded; done < tenants.txt',
    );
  }
  lines.push(
    'for attempt in $(seq 1 60); do',
    `  status=$(curl -fsS -H "Authorization: Bearer $token" ${base} | jq -r .status)`,
    '  case "$status" in',
    `    healthy) echo "Wave ${wave} is healthy on ${cloud}"; exit 0 ;;`,
    `    failed|rolled-back) echo "Wave ${wave} failed on ${cloud}: see the rollout board" >&2; exit 1 ;;`,
    '  esac',
    '  echo "Wave status: $status (check $attempt of 60)"; sleep 30',
    'done',
    `echo "Wave ${wave} on ${cloud} did not turn healthy within 30 minutes" >&2`,
    'exit 1',
  );
  return lines.join('\n');
}

/** Business transactions on production after the last wave, uploaded as test evidence. */
export function businessChecks(processes: readonly string[]): string {
  const lines = [strict, 'token=$(waybill_token)'];
  const list = processes.length > 0 ? processes : ['smoke'];
  for (const p of list) {
    lines.push(
      `npm run test:business -- --process '${p}' --base-url "$PRODUCTION_URL" --junit 'reports/junit/business-${p}.xml'`,
    );
  }
  lines.push(
    'for report in reports/junit/business-*.xml; do',
    `  curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/xml' \\`,
    '    --data-binary "@$report" --url-query "commit=$COMMIT" --url-query "pipelineUrl=$RUN_URL" \\',
    `    --url-query environment=production ${release}/evidence/tests > /dev/null`,
    'done',
  );
  return lines.join('\n');
}
