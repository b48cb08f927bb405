/**
 * Every Waybill call goes through these: `waybill_api METHOD PATH [JSON_FILE]` writes the answer
 * to waybill-response.json and prints the HTTP status; `waybill_ok` fails with Waybill's own
 * answer (which names what is wrong) unless the status is 2xx.
 */
export const WAYBILL_API = `waybill_api() {
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
export const release = {
  kind: 'component',
  namespace: 'default',
  name: '$COMPONENT',
  version: '$(uri "$VERSION")',
};
/** The rollout's path parameter, in the shell. */
export const rolloutId = { id: '$ROLLOUT_ID' };

/**
 * Tenant rollouts answers a refused action with 409 and its blockers. A conflict without
 * blockers is another job's action landing first: read again. While only the previous wave's
 * bake time holds the action, wait (until `$deadline`); any other blocker (gate, health, freeze
 * window) stops the job with Waybill's reasons.
 */
export const ON_REFUSAL = `retry_or_fail() {
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
