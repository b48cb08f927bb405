import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** The machine the figures were taken on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started; other work on the machine skews the figures. */
  loadAverage: number;
}

/** Describes the machine running the benchmark. */
export function describeMachine(): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: currentLoad(),
  };
}

/** The machine's 1-minute load average. */
export function currentLoad(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}
