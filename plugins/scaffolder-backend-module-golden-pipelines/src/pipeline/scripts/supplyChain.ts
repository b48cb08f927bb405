/** Where the signing job writes the bundles the evidence upload sends to Waybill. */
export const SUPPLY_CHAIN_REPORTS = {
  provenance: 'reports/supply-chain/provenance.sigstore.json',
  signature: 'reports/supply-chain/signature.sigstore.json',
} as const;

/**
 * Attests the image keyless (Sigstore) with cosign 2.6+: SLSA provenance v1 and an in-toto
 * release statement, both about `$IMAGE@$DIGEST`, written as Sigstore bundles for Waybill to
 * verify itself. Reads IMAGE, DIGEST, REPOSITORY_URL (the repository's web URL), COMMIT,
 * RUN_URL, BUILDER_ID and BUILD_TYPE; `tokenArgs` passes the job's ID token when the CI has no
 * ambient one.
 */
export function attestSupplyChain(tokenArgs = ''): string {
  const attest = (statement: string, bundle: string) =>
    `cosign attest-blob --yes --new-bundle-format${
      tokenArgs ? ` ${tokenArgs}` : ''
    } --statement ${statement} --bundle ${bundle}`;
  return [
    'mkdir -p reports/supply-chain',
    'subject=$(jq -cn --arg name "$IMAGE" --arg digest "${DIGEST#sha256:}" \'[{name: $name, digest: {sha256: $digest}}]\')',
    'jq -n --argjson subject "$subject" --arg repo "$REPOSITORY_URL" --arg commit "$COMMIT" --arg run "$RUN_URL" --arg builder "$BUILDER_ID" --arg type "$BUILD_TYPE" \\',
    '  \'{_type: "https://in-toto.io/Statement/v1", subject: $subject, predicateType: "https://slsa.dev/provenance/v1", predicate: {buildDefinition: {buildType: $type, externalParameters: {workflow: {repository: $repo}}, resolvedDependencies: [{uri: ("git+" + $repo), digest: {gitCommit: $commit}}]}, runDetails: {builder: {id: $builder}, metadata: {invocationId: $run}}}}\' > provenance.intoto.json',
    'jq -n --argjson subject "$subject" --arg purl "pkg:oci/${IMAGE##*/}@$DIGEST" \\',
    '  \'{_type: "https://in-toto.io/Statement/v1", subject: $subject, predicateType: "https://in-toto.io/attestation/release/v0.1", predicate: {purl: $purl}}\' > release.intoto.json',
    attest('provenance.intoto.json', SUPPLY_CHAIN_REPORTS.provenance),
    attest('release.intoto.json', SUPPLY_CHAIN_REPORTS.signature),
  ].join('\n');
}

/** Verifies the image's keyless signature as a deployment's admission check would. */
export function verifyImageSignature(issuer: string): string {
  return `cosign verify --certificate-identity "$IDENTITY" --certificate-oidc-issuer "${issuer}" "$IMAGE@$DIGEST" > /dev/null`;
}
