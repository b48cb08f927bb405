/**
 * Expects a backend's error answer: `status`, with an error body whose message matches `message`
 * (a RegExp, or a string it contains). Status and message are compared together, so a wrong
 * answer shows both.
 */
export function expectErrorAnswer(
  res: { status: number; body?: { error?: { message?: unknown } } },
  status: number,
  message: string | RegExp,
) {
  expect({ status: res.status, message: res.body?.error?.message }).toEqual({
    status,
    message:
      typeof message === 'string'
        ? expect.stringContaining(message)
        : expect.stringMatching(message),
  });
}
