import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../portal';
import { loadOperations, Operation } from './openApi';

/**
 * Who the attacks call a route as: `user` is the guest sign-in (user:default/guest, a member of
 * order-management and release-management, so the policy's release-manager role), `service` the
 * static external-access token (a service principal, allowed before any policy is asked).
 */
export type Caller = 'user' | 'service';

/** How one Waybill route is called, from the plugins' READMEs and Waybill's permission policy. */
export interface RouteAccess {
  permission: string;
  /** A caller the route lets through: the guest when the policy allows it, else the static token. */
  caller: Caller;
}

/** Every Waybill plugin with an HTTP API, and its spec. */
const WAYBILL_APIS = ['scorecards', 'tenant-rollouts', 'dependency-map'];

const specFile = (pluginId: string) =>
  path.join(
    REPO_ROOT,
    'plugins',
    `${pluginId}-backend`,
    'src',
    'schema',
    'openapi.yaml',
  );

/**
 * Each operation's permission and caller. Uploads, delivery events and status reports are for
 * pipelines and deployment tooling (the policy gives people them only as platform admins, which
 * the guest is not); re-evaluating the policy is for platform admins, whom no test caller is.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  uploadEvidence: {
    permission: 'scorecards.evidence.upload',
    caller: 'service',
  },
  recordDeliveryEvents: {
    permission: 'scorecards.evidence.upload',
    caller: 'service',
  },
  listReleases: { permission: 'scorecards.release.read', caller: 'user' },
  getRelease: { permission: 'scorecards.release.read', caller: 'user' },
  getGate: { permission: 'scorecards.release.read', caller: 'user' },
  overrideGate: { permission: 'scorecards.gate.override', caller: 'user' },
  revokeGateOverride: {
    permission: 'scorecards.gate.override',
    caller: 'user',
  },
  getPortfolio: { permission: 'scorecards.release.read', caller: 'user' },
  getPortfolioSummary: {
    permission: 'scorecards.release.read',
    caller: 'user',
  },
  getPortfolioCsv: { permission: 'scorecards.release.read', caller: 'user' },
  getDora: { permission: 'scorecards.release.read', caller: 'user' },
  reevaluatePolicy: {
    permission: 'scorecards.policy.reevaluate',
    caller: 'service',
  },
  getGateAttestation: {
    permission: 'scorecards.release.read',
    caller: 'user',
  },
  listAttestationKeys: {
    permission: 'scorecards.release.read',
    caller: 'user',
  },
  // Flagger's webhook authenticates by the token in its body, whoever the header names: a
  // request without one is 401 for every caller.
  flaggerConfirmPromotion: {
    permission: 'scorecards.release.read',
    caller: 'user',
  },
  listWaivers: { permission: 'scorecards.release.read', caller: 'user' },
  requestWaiver: { permission: 'scorecards.waiver.request', caller: 'user' },
  approveWaiver: { permission: 'scorecards.waiver.approve', caller: 'user' },
  revokeWaiver: { permission: 'scorecards.waiver.request', caller: 'user' },
  createRollout: {
    permission: 'tenant-rollouts.rollout.create',
    caller: 'user',
  },
  listRollouts: { permission: 'tenant-rollouts.read', caller: 'user' },
  getRollout: { permission: 'tenant-rollouts.read', caller: 'user' },
  getRolloutWave: { permission: 'tenant-rollouts.read', caller: 'user' },
  actOnRollout: {
    permission: 'tenant-rollouts.rollout.advance',
    caller: 'user',
  },
  reportTenantStatus: {
    permission: 'tenant-rollouts.status.report',
    caller: 'service',
  },
  listStrategies: { permission: 'tenant-rollouts.read', caller: 'user' },
  getFreezeCalendar: { permission: 'tenant-rollouts.read', caller: 'user' },
  getEstate: { permission: 'dependency-map.graph.read', caller: 'user' },
  getBusinessProcessGraph: {
    permission: 'dependency-map.graph.read',
    caller: 'user',
  },
  getNeighbourhood: {
    permission: 'dependency-map.graph.read',
    caller: 'user',
  },
  getImpact: { permission: 'dependency-map.graph.read', caller: 'user' },
  getDeployOrder: {
    permission: 'dependency-map.graph.read',
    caller: 'user',
  },
  planReleaseTrain: {
    permission: 'dependency-map.graph.read',
    caller: 'user',
  },
  getGraphStatus: {
    permission: 'dependency-map.graph.read',
    caller: 'user',
  },
};

/** Every operation of the three specs. */
export const WAYBILL_OPERATIONS: Operation[] = WAYBILL_APIS.flatMap(pluginId =>
  loadOperations(pluginId, specFile(pluginId)),
);

/** The access of `operation`; fails for an operation the catalog does not know yet. */
export function accessOf(operation: Operation): RouteAccess {
  const access = ROUTE_ACCESS[operation.operationId];
  if (!access) {
    throw new Error(
      `${operation.pluginId} ${operation.operationId} is not in ROUTE_ACCESS (src/attacks/routeCatalog.ts): add its permission and caller`,
    );
  }
  return access;
}

/** `scorecards.maxUploadBytes` of app-config.yaml, the limit of evidence uploads and events. */
function maxUploadBytes(): number {
  const config = parse(
    fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  return config.scorecards.maxUploadBytes;
}

/**
 * The largest body each body-taking route documents (the `413` of its spec); an operation
 * missing here documents none.
 */
export const DOCUMENTED_BODY_LIMITS: Readonly<Record<string, number>> = {
  uploadEvidence: maxUploadBytes(),
  recordDeliveryEvents: maxUploadBytes(),
  overrideGate: 16 * 1024,
  revokeGateOverride: 16 * 1024,
  flaggerConfirmPromotion: 16 * 1024,
  requestWaiver: 16 * 1024,
  revokeWaiver: 16 * 1024,
  planReleaseTrain: 256 * 1024,
  createRollout: 64 * 1024,
  actOnRollout: 64 * 1024,
  reportTenantStatus: 12 * 1024 * 1024,
};

/** The operation with `operationId`. */
export function operationById(operationId: string): Operation {
  const operation = WAYBILL_OPERATIONS.find(o => o.operationId === operationId);
  if (!operation) throw new Error(`No operation ${operationId} in the specs`);
  return operation;
}
