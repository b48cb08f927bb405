import { coreServices } from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { scorecardsPermissions } from '@waybill/plugin-scorecards-common';
import { createWaybillBackendPlugin } from '@waybill/plugin-waybill-node';
import { registerScorecardsActions } from './actions/registerScorecardsActions';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { AttestationKeys } from './service/attestation/attestationKeys';
import { GateAttestations } from './service/attestation/GateAttestations';
import {
  DeploymentEnforcement,
  readCiEnvironments,
} from './service/enforcement/DeploymentEnforcement';
import { reviewComment } from './service/enforcement/gateSummary';
import { githubProtectionRuleFromConfig } from './service/enforcement/github/fromConfig';
import { scheduleGitlabApprover } from './service/enforcement/gitlab/fromConfig';
import { ScorecardEvents } from './service/events/ScorecardEvents';
import { ReleaseScorecards } from './service/ReleaseScorecards';
import { Waivers } from './service/waivers/Waivers';
import { scheduleScorecardUpkeep } from './service/scheduleScorecardUpkeep';
import {
  createRouter,
  FLAGGER_CONFIRM_PROMOTION_PATH,
  GITHUB_PROTECTION_RULE_PATH,
} from './service/router';
import { readScorecardsConfig } from './service/ScorecardsConfig';

/** Release scorecards: evidence ingestion, stored evaluations and promotion gates. */
export const scorecardsPlugin = createWaybillBackendPlugin({
  pluginId: 'scorecards',
  permissions: scorecardsPermissions,
  deps: {
    database: coreServices.database,
    auditor: coreServices.auditor,
    discovery: coreServices.discovery,
    actionsRegistry: actionsRegistryServiceRef,
    signals: signalsServiceRef,
    notifications: notificationService,
  },
  async init(deps) {
    const config = readScorecardsConfig(deps.config);
    const store = await DatabaseScorecardStore.create({
      database: deps.database,
    });
    const services = {
      store,
      catalog: deps.catalog,
      config,
      events: new ScorecardEvents(deps),
    };
    const scorecards = new ReleaseScorecards(services);
    // Actions for assistants (MCP): the gate and a release's score, read as the caller.
    registerScorecardsActions({ ...deps, scorecards });
    const attestations = new GateAttestations({
      ...services,
      scorecards,
      keys: AttestationKeys.fromConfig(deps.config),
      verifierId: await deps.discovery.getExternalBaseUrl('scorecards'),
    });
    const enforcement = new DeploymentEnforcement({
      scorecards,
      store,
      catalog: deps.catalog,
      auth: deps.auth,
      permissions: deps.permissions,
      appBaseUrl: deps.config.getOptionalString('app.baseUrl') ?? '',
      environments: readCiEnvironments(deps.config),
    });
    // The deployment engines' webhooks authenticate themselves: GitHub by its signature, Flagger
    // by the Backstage token in its body. Their handlers refuse what they cannot verify.
    for (const path of [
      GITHUB_PROTECTION_RULE_PATH,
      FLAGGER_CONFIRM_PROMOTION_PATH,
    ]) {
      deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
    }
    await scheduleScorecardUpkeep(scorecards, deps);
    // GitLab has no webhook for a blocked deployment: Waybill's approver polls for them.
    await scheduleGitlabApprover(deps.config, {
      ...deps,
      decide: deployment => enforcement.scmDeployment(deployment),
    });
    return createRouter({
      logger: deps.logger,
      scorecards,
      attestations,
      enforcement,
      waivers: new Waivers(services),
      githubProtectionRule: githubProtectionRuleFromConfig(deps.config, {
        decide: async deployment => {
          const decision = await enforcement.scmDeployment({
            provider: 'github',
            ...deployment,
          });
          return {
            approve: decision.approve,
            comment: reviewComment(decision),
          };
        },
        deliveries: {
          isHandled: id => store.isDeliveryHandled(id),
          markHandled: (id, at) => store.markDeliveryHandled(id, at),
        },
        logger: deps.logger,
        auditor: deps.auditor,
      }),
      httpAuth: deps.httpAuth,
      permissions: deps.permissions,
      catalog: deps.catalog,
      auditor: deps.auditor,
      auth: deps.auth,
      scheduler: deps.scheduler,
      maxUploadBytes: config.maxUploadBytes,
    });
  },
});
