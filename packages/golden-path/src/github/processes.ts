import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const TAIL = 20_000;

/** The end of a step's output, as much as a run keeps. */
export const tail = (text: string) => text.slice(-TAIL);

/** The command line of a `run:` script for `shell`, as GitHub's runner builds it. */
export function shellCommand(shell: string, file: string): string[] {
  switch (shell) {
    case 'bash':
      return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', file];
    case 'sh':
      return ['sh', '-e', file];
    default:
      if (shell.includes('{0}')) {
        return shell.replace('{0}', file).split(/\s+/);
      }
      throw new Error(`golden-path runner: unsupported shell ${shell}`);
  }
}

/** Runs a command in its own process group; kills the group after `timeoutMs`. */
export function exec(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  children: Set<number>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) children.add(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', c => (stdout = tail(stdout + c)));
    child.stderr.on('data', c => (stderr = tail(stderr + c)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on('error', e => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}${e.message}` });
    });
    child.on('exit', async code => {
      clearTimeout(timer);
      // Background processes of the step may hold the pipes; read what is there and go on.
      await Promise.race([
        new Promise(r => child.once('close', r)),
        sleep(1000),
      ]);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({
        code: timedOut ? 124 : code ?? 1,
        stdout,
        stderr: timedOut
          ? `${stderr}\n(killed after ${timeoutMs / 1000} s)`
          : stderr,
      });
    });
  });
}

/** Ends what steps left running, as the runner does at the end of a job. */
export function killLeftovers(children: Set<number>) {
  for (const pid of children) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}
