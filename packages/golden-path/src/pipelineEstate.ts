/*
 * The estate the golden path tests run pipelines against: the real Waybill backend, the test
 * OIDC issuer and Sigstore, the loopback Git host and the recording stubs, in one temporary directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RepoHost } from './estate';
import { RunningService } from './harness';
import { OidcIssuer } from './oidcIssuer';
import { RunningWaybill, startWaybill } from './portal';
import { Timings } from './pipelineReports';
import { guestToken } from './scaffold';
import { Stubs } from './stubs/stubs';
import { TestSigstore } from './testSigstore';

/** A test's backend, OIDC issuer, Sigstore, Git host and stubs, in a temporary directory `root`. */
export interface PipelineEstate {
  root: string;
  waybill: RunningWaybill;
  issuer: OidcIssuer;
  sigstore: TestSigstore;
  host: RepoHost;
  stubs: Stubs;
  /** A user token from the guest sign-in, for the scaffolder. */
  userToken: string;
  /** The services started for STAGING_URL and PRODUCTION_URL; {@link stopEstate} stops them. */
  services: RunningService[];
}

/**
 * Starts an estate in a new temporary directory: the OIDC issuer and the Git host, the stubs,
 * then the backend (trusting the issuer, reading from the Git host), and signs in as a guest.
 */
export async function startEstate(timings?: Timings): Promise<PipelineEstate> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-'));
  const [issuer, host] = await Promise.all([
    OidcIssuer.start(),
    RepoHost.start(),
  ]);
  const sigstore = await TestSigstore.start({
    github: issuer.githubIssuer,
    gitlab: issuer.gitlabIssuer,
  });
  const stubs = Stubs.create(path.join(root, 'stubs'));
  stubs.useSigstore(sigstore.url);
  const start = () =>
    startWaybill({
      directory: path.join(root, 'waybill'),
      githubIssuer: issuer.githubIssuer,
      gitlabIssuer: issuer.gitlabIssuer,
      sigstoreTrustedRoot: sigstore.trustedRoot,
      readingAllowHosts: [host.hostAndPort],
    });
  let waybill: RunningWaybill;
  try {
    waybill = await (timings ? timings.timed('backend start', start) : start());
  } catch (error) {
    await issuer.close();
    await sigstore.close();
    await host.close();
    throw error;
  }
  const userToken = await guestToken(waybill.url);
  return {
    root,
    waybill,
    issuer,
    sigstore,
    host,
    stubs,
    userToken,
    services: [],
  };
}

/**
 * Stops what {@link startEstate} started and the services the runs started; removes the
 * temporary directory unless GOLDEN_PATH_KEEP is set. Takes a partly started estate too.
 */
export async function stopEstate(
  estate: Partial<PipelineEstate> | undefined,
): Promise<void> {
  if (!estate) return;
  await Promise.all((estate.services ?? []).map(s => s.stop()));
  await estate.waybill?.stop();
  await estate.issuer?.close();
  await estate.sigstore?.close();
  await estate.host?.close();
  if (process.env.GOLDEN_PATH_KEEP) {
    // eslint-disable-next-line no-console
    console.log(`Kept ${estate.root}`);
  } else if (estate.root) {
    const started = Date.now();
    fs.rmSync(estate.root, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log(
      `Removed ${estate.root} in ${((Date.now() - started) / 1000).toFixed(
        1,
      )} s`,
    );
  }
}
