import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseWithSchema } from './parseWithSchema';

describe('parseWithSchema', () => {
  const schema = z.object({
    name: z.string().min(1),
    waves: z.array(z.object({ size: z.number() })),
  });

  it('returns what the schema parses', () => {
    expect(
      parseWithSchema(schema, { name: 'a', waves: [{ size: 1 }] }, 'body'),
    ).toEqual({ name: 'a', waves: [{ size: 1 }] });
  });

  it('names each problem by its path under the root, after the label', () => {
    const parse = (label?: string) => () =>
      parseWithSchema(schema, { name: '', waves: [{}] }, 'strategy', label);
    expect(parse()).toThrow(
      /^strategy\.name: .+; strategy\.waves\.0\.size: .+$/,
    );
    expect(parse('rollout strategy')).toThrow(
      /^Invalid rollout strategy: strategy\.name: .+; strategy\.waves\.0\.size: /,
    );
    expect(parse()).toThrow(InputError);
  });
});
