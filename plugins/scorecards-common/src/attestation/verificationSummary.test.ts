import type { GateAnswer } from '../client/types';
import {
  digestSetOf,
  preAuthenticationEncoding,
  verificationSummary,
} from './verificationSummary';

const gate = (decision: GateAnswer['decision']): GateAnswer => ({
  entityRef: 'component:default/inventory',
  version: '5.2.0',
  environment: 'production',
  decision,
  policyDecision: decision,
  reasons: [],
  override: null,
  waivers: [],
  score: 91,
  grade: 'A',
});

const input = (decision: GateAnswer['decision']) => ({
  gate: gate(decision),
  artifactDigest: `sha256:${'ab'.repeat(32)}`,
  evidence: [{ kind: 'tests', digest: 'cd'.repeat(32) }],
  verifierId: 'https://backstage.example.com/api/scorecards',
  policyDigest: 'ef'.repeat(32),
  timeVerified: new Date('2026-12-05T10:00:00Z'),
});

describe('verificationSummary', () => {
  it('attests a passing gate for the artifact, naming the environment and decision as its level', () => {
    const statement = verificationSummary(input('warn'));
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/verification_summary/v1',
      subject: [
        {
          name: 'component:default/inventory@5.2.0',
          digest: { sha256: 'ab'.repeat(32) },
        },
      ],
      predicate: {
        verifier: { id: 'https://backstage.example.com/api/scorecards' },
        timeVerified: '2026-12-05T10:00:00.000Z',
        policy: { digest: { sha256: 'ef'.repeat(32) } },
        inputAttestations: [
          {
            uri: 'urn:waybill:evidence:component:default/inventory@5.2.0:tests',
            digest: { sha256: 'cd'.repeat(32) },
          },
        ],
        verificationResult: 'PASSED',
        verifiedLevels: ['WAYBILL_GATE_PRODUCTION_WARN'],
        waybill: { decision: 'warn', score: 91 },
      },
    });
  });

  it('records a failing gate as FAILED with no level', () => {
    const { predicate } = verificationSummary(input('fail'));
    expect(predicate.verificationResult).toBe('FAILED');
    expect(predicate.verifiedLevels).toEqual([]);
  });

  it('claims no SLSA level without provenance it verified', () => {
    const { predicate } = verificationSummary(input('pass'));
    expect(predicate.verifiedLevels.some(l => l.startsWith('SLSA_'))).toBe(
      false,
    );
  });

  it('claims the build level of verified provenance when the gate passes, and nothing when it fails', () => {
    expect(
      verificationSummary({ ...input('pass'), slsaBuildLevel: 2 }).predicate
        .verifiedLevels,
    ).toEqual(['WAYBILL_GATE_PRODUCTION_PASS', 'SLSA_BUILD_LEVEL_2']);
    expect(
      verificationSummary({ ...input('fail'), slsaBuildLevel: 2 }).predicate
        .verifiedLevels,
    ).toEqual([]);
  });

  it('refuses a digest that is not sha256:<64 hex>', () => {
    expect(() => digestSetOf('sha256:abc')).toThrow(/sha256:<64 hex>/);
    expect(() => digestSetOf(`sha512:${'a'.repeat(64)}`)).toThrow();
  });
});

describe('preAuthenticationEncoding', () => {
  it("matches the DSSE specification's example", () => {
    const encoded = preAuthenticationEncoding(
      'http://example.com/HelloWorld',
      new TextEncoder().encode('hello world'),
    );
    expect(new TextDecoder().decode(encoded)).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts bytes, not characters', () => {
    const encoded = preAuthenticationEncoding(
      't',
      new TextEncoder().encode('é'),
    );
    expect(new TextDecoder().decode(encoded)).toBe('DSSEv1 1 t 2 é');
  });
});
