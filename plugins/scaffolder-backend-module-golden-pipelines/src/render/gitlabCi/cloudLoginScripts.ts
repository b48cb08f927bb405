import { Cloud } from '../../pipeline/model';

/** The script lines that sign in to a cloud with the job's ID token, never a stored key. */
export function cloudLoginScript(cloud: Cloud): string {
  switch (cloud) {
    case 'aws':
      return [
        '# AWS: role assumption with the job ID token (no access keys)',
        'printf \'%s\' "$AWS_ID_TOKEN" > "$CI_PROJECT_DIR/.aws-web-identity-token"',
        'export AWS_WEB_IDENTITY_TOKEN_FILE="$CI_PROJECT_DIR/.aws-web-identity-token"',
        'export AWS_ROLE_SESSION_NAME="gitlab-$CI_PIPELINE_ID"',
        'aws sts get-caller-identity',
      ].join('\n');
    case 'azure':
      return [
        '# Azure: federated credential with the job ID token (no client secret)',
        'az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$AZURE_ID_TOKEN"',
        'az account set --subscription "$AZURE_SUBSCRIPTION_ID"',
        'az aks install-cli --only-show-errors',
      ].join('\n');
    case 'gcp':
      return [
        '# Google Cloud: workload identity federation with the job ID token (no key file)',
        'printf \'%s\' "$GCP_ID_TOKEN" > "$CI_PROJECT_DIR/.gcp-id-token"',
        'gcloud iam workload-identity-pools create-cred-config "$GCP_WORKLOAD_IDENTITY_PROVIDER" --service-account "$GCP_SERVICE_ACCOUNT" --credential-source-file "$CI_PROJECT_DIR/.gcp-id-token" --output-file "$CI_PROJECT_DIR/.gcp-credentials.json"',
        'gcloud auth login --cred-file "$CI_PROJECT_DIR/.gcp-credentials.json"',
      ].join('\n');
    default:
      throw new Error(`unknown cloud ${cloud as string}`);
  }
}
