/*
 * The golden pipeline's shell: one script, `scripts/golden-pipeline.sh`, written into the
 * service's repository beside the pipeline. Each pipeline step that talks to Waybill or to a
 * cluster runs one of its commands, so the pipeline reads as a list of named steps and the two
 * CI renderers cannot drift apart. The script reads every value from environment variables (set
 * by the renderers from plan values) and never contains CI expressions, so nothing a pull
 * request author controls can become shell code.
 */
import { ACCEPTED_GATE_DECISIONS } from './stages';
import { Cloud, DeployStrategy, PipelineModel } from './model';
import {
  EVIDENCE_CONTENT_TYPES,
  jqBody,
  routePath,
  WAYBILL_BODIES,
} from './waybillRoutes';

/** Where the pipeline's script is written, relative to the repository root. */
export const PIPELINE_SCRIPT_PATH = 'scripts/golden-pipeline.sh';

/** The commands of the pipeline script. */
export type PipelineCommand =
  | 'release-version'
  | 'iac-validate'
  | 'integration-tests'
  | 'contract-tests'
  | 'deploy'
  | 'smoke-tests'
  | 'rollback-drill'
  | 'evidence-upload'
  | 'gate'
  | 'plan-rollout'
  | 'tenant-wave'
  | 'complete-rollout'
  | 'business-checks';

/** The commands that call Waybill, so their job needs an OIDC ID token with audience `waybill`. */
export const WAYBILL_COMMANDS: ReadonlySet<PipelineCommand> = new Set([
  'contract-tests',
  'evidence-upload',
  'gate',
  'plan-rollout',
  'tenant-wave',
  'complete-rollout',
  'business-checks',
]);

/**
 * Whether a shell line runs a command of the pipeline script that calls Waybill, which
 * authenticates with the job's OIDC ID token: the policy counts that as using the token.
 */
export function callsWaybill(shell: string): boolean {
  return [...WAYBILL_COMMANDS].some(command =>
    shell.includes(`${PIPELINE_SCRIPT_PATH} ${command}`),
  );
}

/**
 * Verifies the keyless signature and the SLSA provenance attestation of the image the job just
 * signed, as a deployment would, and writes the outcome as the job's outputs: hosted runners
 * with signed provenance are SLSA build level 2.
 */
export function verifySupplyChain(issuer: string, outputFile: string) {
  return [
    `cosign verify --certificate-identity "$IDENTITY" --certificate-oidc-issuer "${issuer}" "$IMAGE@$DIGEST" > /dev/null`,
    `cosign verify-attestation --type slsaprovenance1 --certificate-identity "$IDENTITY" --certificate-oidc-issuer "${issuer}" "$IMAGE@$DIGEST" > /dev/null`,
    `printf 'signature-verified=true\nslsa-level=2\n' >> "${outputFile}"`,
  ].join('\n');
}

/** The shell line a step runs for one command of the script. */
export function pipelineCommand(
  command: PipelineCommand,
  argument?: string,
): string {
  return ['bash', PIPELINE_SCRIPT_PATH, command, argument]
    .filter(Boolean)
    .join(' ');
}

/** Signs in to the cluster of `$CLOUD`; only the service's clouds are known. */
function kubeconfig(clouds: readonly Cloud[]): string {
  const line: Record<Cloud, string> = {
    aws: 'aws eks update-kubeconfig --name "$AWS_EKS_CLUSTER" --region "$AWS_REGION"',
    azure:
      'az aks get-credentials --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_AKS_CLUSTER" --overwrite-existing',
    gcp: 'gcloud container clusters get-credentials "$GCP_GKE_CLUSTER" --region "$GCP_REGION" --project "$GCP_PROJECT"',
  };
  return [
    'kubeconfig() {',
    '  case "$CLOUD" in',
    ...clouds.map(c => `    ${c}) ${line[c]} ;;`),
    `    *) echo "This service does not deploy to cloud '$CLOUD'" >&2; exit 2 ;;`,
    '  esac',
    '}',
  ].join('\n');
}

/** Rolls the image out into namespace `$1` with the service's in-cluster strategy. */
function rollout(strategy: DeployStrategy): string {
  const k = 'kubectl --namespace "$ns"';
  const lines = [
    'rollout() {',
    '  local ns=$1 live idle',
    '  kubectl apply -k "deploy/kubernetes/overlays/$ENVIRONMENT" --namespace "$ns"',
  ];
  switch (strategy) {
    case 'rolling':
      lines.push(
        `  ${k} set image "deployment/$SERVICE" "app=$IMAGE@$DIGEST"`,
        `  ${k} rollout status "deployment/$SERVICE" --timeout=10m`,
      );
      break;
    case 'canary':
      lines.push(
        `  ${k} set image "deployment/$SERVICE-canary" "app=$IMAGE@$DIGEST"`,
        `  ${k} scale "deployment/$SERVICE-canary" --replicas=1`,
        `  ${k} rollout status "deployment/$SERVICE-canary" --timeout=10m`,
        `  ${k} set image "deployment/$SERVICE" "app=$IMAGE@$DIGEST"`,
        `  ${k} rollout status "deployment/$SERVICE" --timeout=10m`,
        `  ${k} scale "deployment/$SERVICE-canary" --replicas=0`,
      );
      break;
    case 'blue-green':
      lines.push(
        `  live=$(${k} get service "$SERVICE" -o jsonpath='{.spec.selector.track}')`,
        '  if [ "$live" = blue ]; then idle=green; else idle=blue; fi',
        `  ${k} set image "deployment/$SERVICE-$idle" "app=$IMAGE@$DIGEST"`,
        `  ${k} rollout status "deployment/$SERVICE-$idle" --timeout=10m`,
        `  ${k} patch service "$SERVICE" --type merge -p "{\\"spec\\":{\\"selector\\":{\\"track\\":\\"$idle\\"}}}"`,
      );
      break;
    default:
      throw new Error(`unknown strategy ${strategy as string}`);
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * Every Waybill call goes through these: `waybill_api METHOD PATH [JSON_FILE]` writes the answer
 * to waybill-response.json and prints the HTTP status; `waybill_ok` fails with Waybill's own
 * answer (which names what is wrong) unless the status is 2xx.
 */
const WAYBILL_API = `waybill_api() {
  local args=(-sS -o waybill-response.json -w "%{http_code}" -X "$1" -H "Authorization: Bearer $(waybill_token)")
  if [ -n "\${3:-}" ]; then args+=(-H "Content-Type: application/json" --data-binary "@$3"); fi
  curl "\${args[@]}" "$WAYBILL_URL$2"
}
waybill_ok() {
  local status
  status=$(waybill_api "$@")
  case "$status" in
    2??) cat waybill-response.json ;;
    *) echo "Waybill answered $status to $1 $2:" >&2; cat waybill-response.json >&2; echo >&2; return 1 ;;
  esac
}
uri() { jq -rn --arg v "$1" '$v|@uri'; }`;

/** The release's path parameters, in the shell. */
const release = {
  kind: 'component',
  namespace: 'default',
  name: '$COMPONENT',
  version: '$(uri "$VERSION")',
};
const rolloutId = { id: '$ROLLOUT_ID' };

function releaseVersion(): string {
  return `base=$(node -p "require('./package.json').version")
echo "version=\${base}+\${COMMIT:0:12}" >> "$PIPELINE_OUTPUT"`;
}

function iacValidate(): string {
  return `terraform -chdir="infra/$CLOUD" fmt -check -recursive
terraform -chdir="infra/$CLOUD" init -backend=false -input=false
terraform -chdir="infra/$CLOUD" validate`;
}

/** Contract tests read each provider API's published spec and version from the Waybill catalog. */
function contractTests(model: PipelineModel): string {
  return [
    'WAYBILL_TOKEN=$(waybill_token)',
    'export WAYBILL_TOKEN',
    ...model.contractApis.map(
      ({ api, range }) =>
        `npm run test:contract -- --api '${api}' --range '${range}'`,
    ),
  ].join('\n');
}

function evidenceUpload(): string {
  const types = EVIDENCE_CONTENT_TYPES;
  return `shopt -s nullglob
upload() {
  local kind=$1 file=$2 type=$3 environment=\${4:-} status
  local query=(--url-query "commit=$COMMIT" --url-query "pipelineUrl=$RUN_URL")
  if [ -n "$environment" ]; then query+=(--url-query "environment=$environment"); fi
  status=$(curl -sS -o waybill-response.json -w '%{http_code}' -X POST \\
    -H "Authorization: Bearer $(waybill_token)" -H "Content-Type: $type" --data-binary "@$file" \\
    "\${query[@]}" "$WAYBILL_URL${routePath('uploadEvidence', {
      ...release,
      evidenceKind: '$kind',
    })}")
  if [ "$status" != 200 ] && [ "$status" != 201 ]; then
    echo "Evidence upload of $file ($kind) answered $status:" >&2; cat waybill-response.json >&2; exit 1
  fi
  echo "Uploaded $file as $kind evidence"
}
for report in reports/junit/*.xml; do upload tests "$report" ${
    types.tests
  }; done
upload coverage reports/coverage/lcov.info ${types.coverage}
for sarif in reports/sast/*.sarif; do upload security "$sarif" ${
    types.security
  }; done
upload dependencies reports/dependencies.cdx.json ${types.dependencies}
upload tests reports/staging/junit/smoke.xml ${types.tests} staging
upload readiness reports/staging/readiness.json ${types.readiness} staging`;
}

function gate(model: PipelineModel): string {
  const accepted = ACCEPTED_GATE_DECISIONS[model.tier];
  return `local environment=$1 decision
waybill_ok GET "${routePath('getGate', {
    ...release,
    environment: '$environment',
  })}" > gate.json
decision=$(jq -r .decision gate.json)
echo "Gate for $environment: $decision"
case "$decision" in
  ${accepted.join('|')}) ;;
  *) jq -r '.reasons[]? | "- \\(.title // .checkId): \\(.reason)\\(if .fixHint then " (fix: \\(.fixHint))" else "" end)"' gate.json >&2
     echo "The scorecards gate does not let this release into $environment (decision: $decision; a ${
       model.tier
     } service needs ${accepted.join(' or ')})" >&2
     exit 1 ;;
esac`;
}

/**
 * Plans the production rollout from the service's own strategy file (tenant rollouts reads it
 * through the catalog annotation), or finds the one an earlier attempt of this run planned.
 */
function planRollout(): string {
  return `local entity="component:default/$COMPONENT" id
waybill_ok GET "${routePath(
    'listRollouts',
    {},
    { entityRef: '$(uri "$entity")', limit: '50' },
  )}" > rollouts.json
id=$(jq -r --arg v "$VERSION" '[.items[] | select(.version == $v and .environment == "production" and .state != "rolled-back")][0].id // empty' rollouts.json)
if [ -z "$id" ]; then
  ${jqBody('createRollout', {
    entityRef: '"$entity"',
    version: '"$VERSION"',
  })} > rollout-request.json
  id=$(waybill_ok POST ${routePath(
    'createRollout',
    {},
  )} rollout-request.json | jq -r .id)
  echo "Planned tenant rollout $id of $entity $VERSION"
else
  echo "Tenant rollout $id of $entity $VERSION was planned by an earlier attempt"
fi
echo "rollout-id=$id" >> "$PIPELINE_OUTPUT"`;
}

/**
 * Tenant rollouts answers a refused action with 409 and its blockers. A conflict without
 * blockers is another job's action landing first: read again. While only the previous wave's
 * bake time holds the action, wait (until `$deadline`); any other blocker (gate, health, freeze
 * window) stops the job with Waybill's reasons.
 */
const ON_REFUSAL = `retry_or_fail() {
  if jq -e '[.blockers[]?] | length == 0' waybill-response.json > /dev/null; then return 0; fi
  if jq -e '[.blockers[].kind] | all(. == "bake")' waybill-response.json > /dev/null && [ "$(date +%s)" -lt "$deadline" ]; then
    echo "Waiting for the bake time: $(jq -r '[.blockers[].message] | join("; ")' waybill-response.json)"
    sleep 60
    return 0
  fi
  echo "Tenant rollout $ROLLOUT_ID may not $1:" >&2
  jq -r '.blockers[] | "- \\(.kind): \\(.message)"' waybill-response.json >&2
  exit 1
}`;

/**
 * One wave on one cloud: enter the wave (start for the first, advance for the others, unless
 * another cloud's job got there first), deploy its tenants on this cloud (dedicated: a namespace
 * each; shared: the shared deployment, rolled in the first wave and checked in every wave), and
 * report each tenant's status in one request. A failed tenant fails the job, naming it.
 */
function tenantWave(model: PipelineModel): string {
  const deploy =
    model.tenancy === 'dedicated'
      ? `while read -r ref; do
  tenant=\${ref##*/}
  # A subshell with errexit of its own: inside an if condition bash would ignore a failing step.
  set +e
  (set -e; rollout "$NAMESPACE-$tenant") < /dev/null
  deployed=$?
  set -e
  if [ "$deployed" = 0 ]; then
    report "$ref" healthy "$VERSION deployed to $NAMESPACE-$tenant on $CLOUD"
  else
    report "$ref" failed "deployment of $VERSION to $NAMESPACE-$tenant on $CLOUD failed ($RUN_URL)"
  fi
done < tenants.txt`
      : `if [ "$WAVE_INDEX" = 0 ]; then rollout "$NAMESPACE"; fi
if kubectl --namespace "$NAMESPACE" rollout status "deployment/$SERVICE" --timeout=10m; then
  outcome=healthy detail="$VERSION serves the tenant from $NAMESPACE on $CLOUD"
else
  outcome=failed detail="the shared deployment in $NAMESPACE on $CLOUD is not healthy ($RUN_URL)"
fi
while read -r ref; do report "$ref" "$outcome" "$detail"; done < tenants.txt`;
  return `local deadline=$(( $(date +%s) + BAKE_WAIT_MINUTES * 60 )) state current action status failed
export ENVIRONMENT=production
while :; do
  waybill_ok GET "${routePath(
    'getRolloutWave',
    { ...rolloutId, index: '$WAVE_INDEX' },
    { cloud: '$CLOUD' },
  )}" > wave.json
  state=$(jq -r .rollout.state wave.json)
  current=$(jq -r .rollout.currentWave wave.json)
  case "$state" in
    running|completed) if [ "$current" -ge "$WAVE_INDEX" ]; then break; fi; action=advance ;;
    planned) action=start ;;
    *) echo "Tenant rollout $ROLLOUT_ID is $state: a person paused or rolled it back (see the rollout board)" >&2; exit 1 ;;
  esac
  status=$(waybill_api POST "${routePath('actOnRollout', {
    ...rolloutId,
    action: '$action',
  })}")
  case "$status" in
    200) echo "Tenant rollout $ROLLOUT_ID: $action to wave $WAVE" ;;
    409) # Another cloud's job may have moved the rollout first: read again.
         if [ "$(jq -r '.rollout.currentWave' waybill-response.json)" -ge "$WAVE_INDEX" ]; then continue; fi
         retry_or_fail "$action to wave $WAVE" ;;
    *) echo "Waybill answered $status to $action:" >&2; cat waybill-response.json >&2; exit 1 ;;
  esac
done
jq -r '.wave.tenants[].ref' wave.json > tenants.txt
if [ ! -s tenants.txt ]; then echo "Wave $WAVE has no tenant on $CLOUD"; return 0; fi
while read -r ref; do
  case "\${ref##*/}" in (*[!a-z0-9-]*|"") echo "Refusing tenant name from the rollouts API: $ref" >&2; exit 1 ;; esac
done < tenants.txt
kubeconfig
: > statuses.jsonl
report() { ${jqBody('tenantStatuses', {
    tenant: '"$1"',
    status: '"$2"',
    detail: '"$3"',
  })} >> statuses.jsonl; }
${deploy}
jq -s '${WAYBILL_BODIES.tenantStatuses.collect}' statuses.jsonl > statuses.json
waybill_ok POST "${routePath(
    'reportTenantStatus',
    rolloutId,
  )}" statuses.json > /dev/null
failed=$(jq -r '[.statuses[] | select(.status == "failed") | .tenant] | join(", ")' statuses.json)
if [ -n "$failed" ]; then
  echo "Wave $WAVE failed on $CLOUD for: $failed (tenant rollout $ROLLOUT_ID on the rollout board)" >&2
  exit 1
fi
echo "Wave $WAVE is healthy on $CLOUD: $(wc -l < tenants.txt) tenants"`;
}

/** Completes the rollout once the last wave has baked, and records the deployment for DORA. */
function completeRollout(): string {
  return `local deadline=$(( $(date +%s) + BAKE_WAIT_MINUTES * 60 )) status
while :; do
  status=$(waybill_api POST "${routePath('actOnRollout', {
    ...rolloutId,
    action: 'complete',
  })}")
  case "$status" in
    200) break ;;
    409) if [ "$(jq -r .rollout.state waybill-response.json)" = completed ]; then break; fi
         retry_or_fail complete ;;
    *) echo "Waybill answered $status to complete:" >&2; cat waybill-response.json >&2; exit 1 ;;
  esac
done
echo "Tenant rollout $ROLLOUT_ID completed"
${jqBody('productionDeployment', {
  entityRef: '"component:default/$COMPONENT"',
  version: '"$VERSION"',
  commit: '"$COMMIT"',
  source: '"$RUN_URL"',
  at: '"$(date -u +%Y-%m-%dT%H:%M:%SZ)"',
})} > delivery.json
waybill_ok POST ${routePath(
    'recordDeliveryEvents',
    {},
  )} delivery.json > /dev/null
echo "Recorded the production deployment of $VERSION for DORA"`;
}

function businessChecks(model: PipelineModel): string {
  const processes =
    model.businessProcesses.length > 0 ? model.businessProcesses : ['smoke'];
  return `shopt -s nullglob
local process
for process in ${processes.join(' ')}; do
  npm run test:business -- --process "$process" --base-url "$PRODUCTION_URL" --junit "reports/junit/business-$process.xml"
done
for report in reports/junit/business-*.xml; do
  curl -fsS -X POST -H "Authorization: Bearer $(waybill_token)" -H 'Content-Type: ${
    EVIDENCE_CONTENT_TYPES.tests
  }' \\
    --data-binary "@$report" --url-query "commit=$COMMIT" --url-query "pipelineUrl=$RUN_URL" \\
    --url-query environment=production "$WAYBILL_URL${routePath(
      'uploadEvidence',
      {
        ...release,
        evidenceKind: 'tests',
      },
    )}" > /dev/null
done`;
}

/**
 * The script of a service's golden pipeline, for its CI provider: `waybillToken` is the shell
 * function that prints the job's OIDC ID token for audience `waybill`.
 */
export function renderPipelineScript(
  model: PipelineModel,
  waybillToken: string,
): { path: string; content: string } {
  const commands: Record<PipelineCommand, { env: string; body: string }> = {
    'release-version': { env: 'COMMIT', body: releaseVersion() },
    'iac-validate': { env: 'CLOUD', body: iacValidate() },
    'integration-tests': { env: 'nothing', body: 'npm run test:integration' },
    'contract-tests': { env: 'WAYBILL_URL', body: contractTests(model) },
    deploy: {
      env: 'CLOUD SERVICE NAMESPACE IMAGE DIGEST, and the cloud variables',
      body: 'export ENVIRONMENT=$1\nkubeconfig\nrollout "$NAMESPACE"',
    },
    'smoke-tests': {
      env: 'STAGING_URL',
      body: 'npm run test:smoke -- --base-url "$STAGING_URL" --junit reports/staging/junit/smoke.xml',
    },
    'rollback-drill': {
      env: 'CLOUD STAGING_URL SERVICE NAMESPACE SIGNATURE_VERIFIED PROVENANCE_SLSA_LEVEL',
      body: 'kubeconfig\nnpm run rollback:drill -- --base-url "$STAGING_URL" --report reports/staging/readiness.json',
    },
    'evidence-upload': {
      env: 'WAYBILL_URL COMPONENT VERSION COMMIT RUN_URL',
      body: evidenceUpload(),
    },
    gate: { env: 'WAYBILL_URL COMPONENT VERSION', body: gate(model) },
    'plan-rollout': {
      env: 'WAYBILL_URL COMPONENT VERSION',
      body: planRollout(),
    },
    'tenant-wave': {
      env: 'WAYBILL_URL COMPONENT VERSION RUN_URL ROLLOUT_ID WAVE WAVE_INDEX CLOUD BAKE_WAIT_MINUTES SERVICE NAMESPACE IMAGE DIGEST',
      body: tenantWave(model),
    },
    'complete-rollout': {
      env: 'WAYBILL_URL COMPONENT VERSION COMMIT RUN_URL ROLLOUT_ID BAKE_WAIT_MINUTES',
      body: completeRollout(),
    },
    'business-checks': {
      env: 'WAYBILL_URL COMPONENT VERSION COMMIT RUN_URL PRODUCTION_URL',
      body: businessChecks(model),
    },
  };
  const indent = (text: string) =>
    text
      .split('\n')
      .map(l => (l ? `  ${l}` : l))
      .join('\n');
  const functions = Object.entries(commands).map(
    ([name, { env, body }]) =>
      `# ${name} (reads ${env})\ncmd_${name.replace(/-/g, '_')}() {\n${indent(
        body,
      )}\n}`,
  );
  const content = [
    '#!/usr/bin/env bash',
    `# Generated by waybill:pipeline:generate for ${model.name} (tier ${model.tier}). The golden`,
    "# pipeline's steps that talk to Waybill and to the clusters run its commands:",
    `#   ${PIPELINE_SCRIPT_PATH} <command> [argument]`,
    '# Regenerate it rather than editing by hand.',
    'set -euo pipefail',
    '',
    waybillToken,
    WAYBILL_API,
    ON_REFUSAL,
    kubeconfig(model.clouds),
    rollout(model.deployStrategy),
    '',
    ...functions.flatMap(f => [f, '']),
    'command=${1:-}',
    'shift || true',
    'case "$command" in',
    `  ${Object.keys(commands).join('|')}) "cmd_\${command//-/_}" "$@" ;;`,
    `  *) echo "usage: ${PIPELINE_SCRIPT_PATH} <${Object.keys(commands).join(
      '|',
    )}> [argument]" >&2; exit 2 ;;`,
    'esac',
    '',
  ].join('\n');
  return { path: PIPELINE_SCRIPT_PATH, content };
}
