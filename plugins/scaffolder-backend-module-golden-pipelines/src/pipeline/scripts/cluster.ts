import { Cloud, DeployStrategy } from '../model';

/** Signs in to the cluster of `$CLOUD`; only the service's clouds are known. */
export function kubeconfig(clouds: readonly Cloud[]): string {
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
export function rollout(strategy: DeployStrategy): string {
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
