import { OidcIssuer } from '../oidcIssuer';
import { Stubs } from '../stubs/stubs';
import { ArtifactStore } from './artifacts';
import { StatusFunctions, Value } from './expressions';
import { Workflow, WorkflowJob } from './workflow';

/** A job's or step's result, with GitHub's names. */
export type Conclusion = 'success' | 'failure' | 'skipped';

/** One step as it ran. */
export interface StepRun {
  name: string;
  id: string;
  uses?: string;
  outcome: Conclusion;
  conclusion: Conclusion;
  outputs: Record<string, string>;
  /** The end of what the step printed (stdout and stderr). */
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** One leg of a job (the job itself when it has no matrix). */
export interface LegRun {
  job: string;
  name: string;
  matrix?: Record<string, Value>;
  environment?: string;
  /** Whether the leg got ACTIONS_ID_TOKEN_REQUEST_URL (permissions id-token: write). */
  idToken: boolean;
  result: Conclusion;
  outputs: Record<string, string>;
  steps: StepRun[];
  /** Why the leg failed, when it did: the failing step's name and the end of its stderr. */
  error?: string;
  /** The leg's workspace (GITHUB_WORKSPACE), as the job left it. */
  workspace: string;
  durationMs: number;
}

/** One job of a run, all legs. */
export interface JobRun {
  id: string;
  result: Conclusion;
  outputs: Record<string, string>;
  legs: LegRun[];
  attempt: number;
  durationMs: number;
  /** Why the job was skipped or failed before any step, when it was. */
  reason?: string;
}

/** An emulated `uses:` step, as asked. */
export interface UsesCall {
  job: string;
  leg: string;
  step: string;
  action: string;
  ref: string;
  inputs: Record<string, string>;
}

/** What {@link GithubRun} needs. */
export interface GithubRunOptions {
  workflow: Workflow;
  /** The pushed repository: a git directory, the commit, and `owner/name`. */
  repository: { dir: string; sha: string; slug: string };
  /** Workspaces, artifacts and logs of the run go here. */
  runDir: string;
  runId: string;
  /** The triggering event; a push to main by default. */
  event?: { name: string; ref: string };
  vars: Record<string, string>;
  secrets?: Record<string, string>;
  issuer: OidcIssuer;
  stubs: Stubs;
  /** Legs running at once (default 2, the machine's cores). */
  concurrency?: number;
  /** A step running longer is killed and fails (default: the job's timeout, at most 5 minutes). */
  maxStepMs?: number;
  /** Called before each job that will run (its `if` held), e.g. to let time pass. */
  beforeJob?: (job: string) => Promise<void>;
  log?: (line: string) => void;
}

/** The attempt of a run its jobs and legs run in. */
export interface RunAttempt {
  options: GithubRunOptions;
  attempt: number;
  /** `owner/name` the attempt runs as (a re-run may replay another repository's). */
  repositorySlug: string;
  artifacts: ArtifactStore;
  /** Where the legs record their emulated `uses:` steps. */
  uses: UsesCall[];
}

/** A leg as set up before its first step: its directories, contexts and environment. */
export interface Leg {
  job: WorkflowJob;
  /** The leg's name in paths: the job, the matrix leg's number and the attempt. */
  key: string;
  name: string;
  matrix?: Record<string, Value>;
  environment?: string;
  idToken: boolean;
  workspace: string;
  /** RUNNER_TEMP: the step scripts and file commands. */
  temp: string;
  github: Record<string, Value>;
  /** github, needs, strategy, matrix, vars, secrets and inputs. */
  contexts: Record<string, unknown>;
  /** The status functions of the leg's steps (they follow {@link LegProgress.failed}). */
  status: StatusFunctions;
  workflowEnv: Record<string, string>;
  jobEnv: Record<string, string>;
  oidcEnv: Record<string, string>;
  maxStepMs: number;
}

/** What a leg's steps have done so far. */
export interface LegProgress {
  failed: boolean;
  /** Why the leg failed: the first failure's message. */
  error?: string;
  /** GITHUB_ENV and the actions' environment, for the later steps. */
  addedEnv: Record<string, string>;
  /** GITHUB_PATH entries, the latest first. */
  addedPath: string[];
  stepsContext: Record<string, Value>;
  steps: StepRun[];
  /** The process groups the steps started. */
  children: Set<number>;
}
