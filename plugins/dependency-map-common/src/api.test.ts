import { releaseTrainRequestSchema } from './api';

describe('releaseTrainRequestSchema', () => {
  it('accepts a list of changes and trims them', () => {
    expect(
      releaseTrainRequestSchema.parse({
        changes: [{ entityRef: ' component:default/sales ', version: '2.0.0' }],
      }),
    ).toEqual({
      changes: [{ entityRef: 'component:default/sales', version: '2.0.0' }],
    });
  });

  it.each([
    [{}, 'changes'],
    [{ changes: [] }, 'at least one change'],
    [{ changes: [{ entityRef: 'sales' }] }, 'version'],
    [{ changes: [{ entityRef: '', version: '1' }] }, 'entityRef is empty'],
    [{ changes: [{ entityRef: 'a', version: '1', extra: 1 }] }, 'extra'],
    [{ changes: [], dryRun: true }, 'dryRun'],
  ])('rejects %j', (body, mentions) => {
    const result = releaseTrainRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toContain(mentions);
  });
});
