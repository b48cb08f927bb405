import { PipelineModel } from '../model';
import { jqBody, routePath, WAYBILL_BODIES } from '../waybillRoutes';
import { rolloutId } from './waybillApi';

/**
 * Plans the production rollout from the service's own strategy file (tenant rollouts reads it
 * through the catalog annotation), or finds the one an earlier attempt of this run planned.
 */
export function planRollout(): string {
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
 * One wave on one cloud: enter the wave (start for the first, advance for the others, unless
 * another cloud's job got there first), deploy its tenants on this cloud (dedicated: a namespace
 * each; shared: the shared deployment, rolled in the first wave and checked in every wave), and
 * report each tenant's status in one request. A failed tenant fails the job, naming it.
 */
export function tenantWave(model: PipelineModel): string {
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
export function completeRollout(): string {
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
