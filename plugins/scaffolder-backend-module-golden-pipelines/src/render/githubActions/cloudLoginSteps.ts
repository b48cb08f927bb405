import { Cloud } from '../../pipeline/model';
import { PlanJob } from '../../pipeline/plan';
import { PinnedActionKey } from '../pinnedActions';
import { Step, uses } from './actionSteps';

/** The OIDC sign-in action of each cloud: federated credentials, never stored keys. */
const CLOUD_LOGIN: Record<Cloud, { action: PinnedActionKey; step: Step }> = {
  aws: {
    action: 'awsCredentials',
    step: {
      name: 'Assume the deploy role on AWS (OIDC)',
      with: {
        'role-to-assume': '${{ vars.AWS_ROLE_ARN }}',
        'aws-region': '${{ vars.AWS_REGION }}',
        'role-session-name': 'golden-pipeline-${{ github.run_id }}',
      },
    },
  },
  azure: {
    action: 'azureLogin',
    step: {
      name: 'Sign in to Azure with a federated credential (OIDC)',
      with: {
        'client-id': '${{ vars.AZURE_CLIENT_ID }}',
        'tenant-id': '${{ vars.AZURE_TENANT_ID }}',
        'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}',
      },
    },
  },
  gcp: {
    action: 'gcpAuth',
    step: {
      name: 'Authenticate to Google Cloud through workload identity (OIDC)',
      with: {
        workload_identity_provider:
          '${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}',
        service_account: '${{ vars.GCP_SERVICE_ACCOUNT }}',
      },
    },
  },
};

/** The sign-in steps of a job, one per cloud; a matrix job signs in only to its leg's cloud. */
export function cloudLoginSteps(job: PlanJob, clouds: Cloud[]): Step[] {
  return clouds.map(cloud => {
    const login = uses(CLOUD_LOGIN[cloud].action, CLOUD_LOGIN[cloud].step);
    return job.matrix ? { if: `matrix.cloud == '${cloud}'`, ...login } : login;
  });
}
