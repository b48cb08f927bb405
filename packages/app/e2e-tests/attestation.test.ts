import { expect, test } from '@playwright/test';
import { verifyWithSigstore } from '@waybill/test-utils';
import { E2E_AUDITOR_TOKEN, waitForBackend } from './portal';

test.beforeAll(({ request }) => waitForBackend(request));

const api = 'http://localhost:7007/api/scorecards';
const release = `${api}/entities/component/default/inventory/releases/5.2.0`;
const headers = { Authorization: `Bearer ${E2E_AUDITOR_TOKEN}` };

test("an auditor's tooling fetches inventory 5.2.0's signed production gate from the running portal and verifies it with sigstore-js and the served key", async ({
  request,
}) => {
  // The demo evidence is seeded over HTTP once the backend is up.
  await expect
    .poll(async () => (await request.get(release, { headers })).status(), {
      timeout: 120_000,
    })
    .toBe(200);
  const { artifactDigest } = await (
    await request.get(release, { headers })
  ).json();
  // The demo pipeline reports the image digest with its uploads.
  expect(artifactDigest).toMatch(/^sha256:[0-9a-f]{64}$/);

  const keys = await (
    await request.get(`${api}/attestation/keys`, { headers })
  ).json();
  const signing = keys.keys.find((k: { signing: boolean }) => k.signing);
  expect(signing).toMatchObject({
    keyId: 'local-development',
    algorithm: 'ed25519',
  });

  const answer = await request.get(
    `${release}/gates/production/attestation?format=sigstore-bundle`,
    { headers },
  );
  expect(answer.status()).toBe(200);
  const bundle = await answer.json();
  expect(() => verifyWithSigstore(bundle, signing.publicKey)).not.toThrow();

  const statement = JSON.parse(
    Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'),
  );
  expect(statement).toMatchObject({
    predicateType: 'https://slsa.dev/verification_summary/v1',
    subject: [{ digest: { sha256: artifactDigest.slice('sha256:'.length) } }],
    predicate: { waybill: { environment: 'production' } },
  });
  // What the gate route answers now is what was signed (the manager's journey may override it).
  const gate = await (
    await request.get(`${release}/gates/production`, { headers })
  ).json();
  expect(statement.predicate.waybill.decision).toBe(gate.decision);
  expect(statement.predicate.verificationResult).toBe(
    gate.decision === 'fail' ? 'FAILED' : 'PASSED',
  );

  // One byte changed, and the same verifier refuses it.
  const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
  payload[10] ^= 1;
  const tampered = {
    ...bundle,
    dsseEnvelope: {
      ...bundle.dsseEnvelope,
      payload: payload.toString('base64'),
    },
  };
  expect(() => verifyWithSigstore(tampered, signing.publicKey)).toThrow(
    /signature verification failed/,
  );
});
