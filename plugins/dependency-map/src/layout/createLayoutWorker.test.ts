import { createLayoutWorker } from './createLayoutWorker';

describe('createLayoutWorker', () => {
  it('returns undefined without Web Workers', () => {
    expect(typeof Worker).toBe('undefined');
    expect(createLayoutWorker()).toBeUndefined();
  });
});
