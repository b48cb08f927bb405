import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '@backstage/errors';

/** The request header GitHub puts a webhook delivery's HMAC-SHA256 signature in. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-hub-signature-256';

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks the `X-Hub-Signature-256` header of a GitHub webhook delivery: `sha256=` and the hex
 * HMAC-SHA256 of the raw body bytes under the webhook secret, compared in constant time. A
 * missing, repeated, malformed or wrong signature is an AuthenticationError.
 *
 * @param secret - the webhook secret set on the GitHub App
 * @param rawBody - the body exactly as it was received, before any parsing
 * @param header - the value of the `X-Hub-Signature-256` header
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: Buffer,
  header: string | string[] | undefined,
): void {
  if (typeof header !== 'string') {
    throw new AuthenticationError(
      'The delivery has no single X-Hub-Signature-256 header',
    );
  }
  const match = SIGNATURE_FORMAT.exec(header);
  if (!match) {
    throw new AuthenticationError(
      'The X-Hub-Signature-256 header is not sha256=<64 hex digits>',
    );
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  if (!timingSafeEqual(Buffer.from(match[1], 'hex'), expected)) {
    throw new AuthenticationError(
      'The X-Hub-Signature-256 signature does not match the body',
    );
  }
}
