import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/** A check behind a gate decision, as the scorecards plugin answers it. */
export interface FakeGateReason {
  checkId: string;
  title: string;
  reason: string;
  enforcement: 'fail' | 'warn';
}

/**
 * A stand-in for the scorecards plugin (pluginId `scorecards`) in a test backend: its gate route
 * only, answering `decision` with `reasons` for every release, and counting the calls. The
 * tenant-rollouts plugin reaches it as it reaches the real one: discovery, the typed client and
 * a plugin-to-plugin token.
 */
export function fakeScorecards() {
  const state = {
    decision: 'pass' as 'pass' | 'warn' | 'fail',
    reasons: [] as FakeGateReason[],
    /** The gate paths asked, in order. */
    calls: [] as string[],
  };
  const plugin = createBackendPlugin({
    pluginId: 'scorecards',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const router = Router();
          router.get(
            '/entities/:kind/:namespace/:name/releases/:version/gates/:environment',
            (req, res) => {
              state.calls.push(req.path);
              const { kind, namespace, name, version, environment } =
                req.params;
              res.json({
                entityRef: `${kind}:${namespace}/${name}`,
                version,
                environment,
                decision: state.decision,
                policyDecision: state.decision,
                reasons: state.reasons.map(r => ({
                  ...r,
                  status: 'fail',
                  fixHint: `Fix ${r.title}`,
                })),
                override: null,
                score: 60,
                grade: 'D',
              });
            },
          );
          httpRouter.use(router);
        },
      });
    },
  });
  return { plugin, state };
}
