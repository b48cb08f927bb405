import {
  ActionContext,
  TemplateExample,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';

/**
 * One of this module's actions: its id, description and examples (shown by the template editor),
 * its input schema, the shape of its outputs, and its handler.
 */
export interface WaybillActionOptions<
  TInput extends z.ZodTypeAny,
  TOutput extends z.ZodRawShape,
> {
  id: string;
  description: string;
  examples: TemplateExample[];
  /** True unless the action must not run in a dry run (the default: it may). */
  supportsDryRun?: boolean;
  input: TInput;
  /** The outputs, field by field, built with the scaffolder's zod. */
  output: (zImpl: typeof z) => TOutput;
  handler(
    ctx: ActionContext<z.infer<TInput>, z.infer<z.ZodObject<TOutput>>>,
  ): Promise<void>;
}

/**
 * Creates an action with Backstage's createTemplateAction, which turns the zod schemas into the
 * JSON schemas the scaffolder and the template editor show: the input is the action's own
 * schema, the output an object of the given fields.
 */
export function createWaybillAction<
  TInput extends z.ZodTypeAny,
  TOutput extends z.ZodRawShape,
>(options: WaybillActionOptions<TInput, TOutput>) {
  return createTemplateAction({
    id: options.id,
    description: options.description,
    examples: options.examples,
    supportsDryRun: options.supportsDryRun ?? true,
    schema: {
      input: () => options.input,
      output: zImpl => zImpl.object(options.output(zImpl)),
    },
    handler: ctx => options.handler(ctx),
  });
}
