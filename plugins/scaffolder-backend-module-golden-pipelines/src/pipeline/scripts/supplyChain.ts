/**
 * Verifies the keyless signature and the SLSA provenance attestation of the image the job just
 * signed, as a deployment would, and writes the outcome as the job's outputs: hosted runners
 * with signed provenance are SLSA build level 2.
 */
export function verifySupplyChain(issuer: string, outputFile: string) {
  return [
    `cosign verify --certificate-identity "$IDENTITY" --certificate-oidc-issuer "${issuer}" "$IMAGE@$DIGEST" > /dev/null`,
    `cosign verify-attestation --type slsaprovenance1 --certificate-identity "$IDENTITY" --certificate-oidc-issuer "${issuer}" "$IMAGE@$DIGEST" > /dev/null`,
    `printf 'signature-verified=true\nslsa-level=2\n' >> "${outputFile}"`,
  ].join('\n');
}
