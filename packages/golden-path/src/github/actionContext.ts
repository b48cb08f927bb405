import { ArtifactStore } from './artifacts';

/** What an emulated action is given. */
export interface ActionContext {
  /** `owner/repo[/path]`, lower case, without the ref. */
  action: string;
  ref: string;
  /** The step's `with`, evaluated. */
  inputs: Record<string, string>;
  /** The job's workspace (GITHUB_WORKSPACE). */
  workspace: string;
  /** The environment the step would run with. */
  env: Record<string, string>;
  job: string;
  attempt: number;
  artifacts: ArtifactStore;
  /** The pushed repository and commit `actions/checkout` fetches. */
  repository: { dir: string; sha: string };
  /** Runs a command in the workspace with the step's environment (so stubs record it). */
  exec(
    command: string,
    args: string[],
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  log(line: string): void;
}

/** What an emulated action leaves behind: step outputs, job environment, PATH entries. */
export interface ActionResult {
  outputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** An action's emulation; throwing fails the step with the message. */
export type ActionEmulation = (
  context: ActionContext,
) => Promise<ActionResult | void>;

/** The step's `with` input `name`, or `fallback` when it is unset or empty. */
export const input = (ctx: ActionContext, name: string, fallback = '') =>
  ctx.inputs[name] !== undefined && ctx.inputs[name] !== ''
    ? ctx.inputs[name]
    : fallback;

/** A boolean input as the actions read one: `true` is true, unset or empty is `fallback`. */
export const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : value === 'true';

/** An action that only records that it was asked (what it sets up is already here, or cannot run). */
export function recordOnly(note?: string): ActionEmulation {
  return async ctx => {
    if (note) ctx.log(`${ctx.action}: ${note}`);
  };
}
