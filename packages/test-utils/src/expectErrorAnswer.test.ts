import { expectErrorAnswer } from './expectErrorAnswer';

const answer = (status: number, message?: string) => ({
  status,
  body: message === undefined ? {} : { error: { message } },
});

describe('expectErrorAnswer', () => {
  it('passes an answer of the status whose message contains the string or matches the pattern', () => {
    expect(() =>
      expectErrorAnswer(answer(400, 'query.to: must be after'), 400, 'to:'),
    ).not.toThrow();
    expect(() =>
      expectErrorAnswer(answer(403, 'A rollback needs a person'), 403, /^A/),
    ).not.toThrow();
  });

  it('fails on another status, another message, or no error body', () => {
    expect(() =>
      expectErrorAnswer(answer(500, 'must be after'), 400, 'must be after'),
    ).toThrow(/"status": 500/);
    expect(() => expectErrorAnswer(answer(400, 'ok'), 400, 'nope')).toThrow();
    expect(() => expectErrorAnswer(answer(400, 'a.b'), 400, /^b/)).toThrow();
    expect(() => expectErrorAnswer(answer(400), 400, /.*/)).toThrow();
  });
});
