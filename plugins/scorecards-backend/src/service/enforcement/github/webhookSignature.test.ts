import { AuthenticationError } from '@backstage/errors';
import { verifyWebhookSignature } from './webhookSignature';

// The example of GitHub's "Validating webhook deliveries" page.
const SECRET = "It's a Secret to Everybody";
const BODY = Buffer.from('Hello, World!');
const SIGNATURE =
  'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('verifyWebhookSignature', () => {
  it("accepts GitHub's documented example", () => {
    expect(() => verifyWebhookSignature(SECRET, BODY, SIGNATURE)).not.toThrow();
    expect(() =>
      verifyWebhookSignature(
        SECRET,
        BODY,
        SIGNATURE.toUpperCase().replace('SHA256', 'sha256'),
      ),
    ).not.toThrow();
  });

  it.each([
    ['no header', SECRET, BODY, undefined, 'no single'],
    ['a repeated header', SECRET, BODY, [SIGNATURE, SIGNATURE], 'no single'],
    ['an empty header', SECRET, BODY, '', 'not sha256='],
    [
      'the SHA-1 form',
      SECRET,
      BODY,
      'sha1=0123456789abcdef0123456789abcdef01234567',
      'not sha256=',
    ],
    ['a short digest', SECRET, BODY, SIGNATURE.slice(0, -2), 'not sha256='],
    [
      'a non-hex digest',
      SECRET,
      BODY,
      `${SIGNATURE.slice(0, -1)}g`,
      'not sha256=',
    ],
    ['another secret', 'another secret', BODY, SIGNATURE, 'does not match'],
    [
      'a changed body',
      SECRET,
      Buffer.from('Hello, World?'),
      SIGNATURE,
      'does not match',
    ],
    [
      'one changed digit',
      SECRET,
      BODY,
      `${SIGNATURE.slice(0, -1)}8`,
      'does not match',
    ],
  ])('refuses %s', (_case, secret, body, header, message) => {
    expect(() => verifyWebhookSignature(secret, body, header)).toThrow(
      AuthenticationError,
    );
    expect(() => verifyWebhookSignature(secret, body, header)).toThrow(message);
  });
});
