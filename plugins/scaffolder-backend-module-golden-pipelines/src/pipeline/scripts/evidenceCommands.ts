import { businessProcessNames, PipelineModel } from '../model';
import { ACCEPTED_GATE_DECISIONS } from '../stages';
import { EVIDENCE_CONTENT_TYPES, routePath } from '../waybillRoutes';
import { SUPPLY_CHAIN_REPORTS } from './supplyChain';
import { release } from './waybillApi';

/**
 * Uploads the reports of the earlier jobs as the release's evidence, each naming the image's
 * digest, which the signed provenance and signature must be about.
 */
export function evidenceUpload(): string {
  const types = EVIDENCE_CONTENT_TYPES;
  return `shopt -s nullglob
upload() {
  local kind=$1 file=$2 type=$3 environment=\${4:-} status
  local query=(--url-query "commit=$COMMIT" --url-query "pipelineUrl=$RUN_URL" --url-query "artifactDigest=$DIGEST")
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
upload readiness reports/staging/readiness.json ${types.readiness} staging
upload provenance ${SUPPLY_CHAIN_REPORTS.provenance} ${types.provenance}
upload signature ${SUPPLY_CHAIN_REPORTS.signature} ${types.signature}`;
}

/** Asks the scorecards gate whether the release may enter environment `$1`. */
export function gate(model: PipelineModel): string {
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

/** Runs the business transactions in production and uploads their results as evidence. */
export function businessChecks(model: PipelineModel): string {
  const names = businessProcessNames(model);
  const processes = names.length > 0 ? names : ['smoke'];
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
