import { Cloud } from '../../pipeline/model';
import { PlanJob } from '../../pipeline/plan';

/** OIDC audiences of the ID tokens each cloud's federation expects. */
const CLOUD_AUDIENCE: Record<Cloud, string> = {
  aws: 'sts.amazonaws.com',
  azure: 'api://AzureADTokenExchange',
  gcp: 'https://iam.googleapis.com/${GCP_WORKLOAD_IDENTITY_PROVIDER}',
};

/**
 * The ID tokens a job needs, each for its audience: one per cloud it signs in to, Sigstore's to
 * sign, Waybill's to call Waybill. None other, so a job holds no token it does not use.
 */
export function idTokensOf(job: PlanJob): Record<string, { aud: string }> {
  const idTokens: Record<string, { aud: string }> = {};
  for (const s of job.steps) {
    if (s.type === 'cloud-login') {
      for (const cloud of s.clouds) {
        idTokens[`${cloud.toUpperCase()}_ID_TOKEN`] = {
          aud: CLOUD_AUDIENCE[cloud],
        };
      }
    }
    if (s.type === 'sign') idTokens.SIGSTORE_ID_TOKEN = { aud: 'sigstore' };
    if (s.type === 'run' && s.waybill) {
      idTokens.WAYBILL_ID_TOKEN = { aud: 'waybill' };
    }
  }
  return idTokens;
}
