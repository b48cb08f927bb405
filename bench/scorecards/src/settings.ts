import { EngineName, ENGINES } from './engines';

/** The sizes (entities) each engine measures by default, growing one data set. */
export const DEFAULT_SIZES = [5000, 20000, 50000];

/** What a run measures, from the environment. */
export interface BenchSettings {
  engines: EngineName[];
  sizes: Record<EngineName, number[]>;
  /** The largest size at which Tech Insights' bulk check run over every entity is timed. */
  techInsightsBulkMax: number;
}

/** A comma-separated list of entity counts, ascending; an error naming the variable otherwise. */
export function parseSizes(text: string, variable: string): number[] {
  const sizes = text.split(',').map(part => Number(part.trim()));
  const valid =
    sizes.length > 0 &&
    sizes.every(n => Number.isInteger(n) && n >= 100) &&
    sizes.every((n, i) => i === 0 || n > sizes[i - 1]);
  if (!valid) {
    throw new Error(
      `${variable}="${text}": expected entity counts of at least 100, ascending and comma-separated, e.g. 5000,20000,50000`,
    );
  }
  return sizes;
}

/**
 * Reads the settings: `WAYBILL_BENCH_ENGINES`; `WAYBILL_BENCH_SIZES` (or its older name
 * `WAYBILL_BENCH_ENTITIES`, now also a list) for every engine, `WAYBILL_BENCH_SQLITE_SIZES` for
 * SQLite alone; `WAYBILL_BENCH_TI_BULK_MAX`.
 */
export function readSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const engines = (env.WAYBILL_BENCH_ENGINES?.split(',') ?? ENGINES).map(e =>
    e.trim(),
  );
  for (const engine of engines) {
    if (!ENGINES.includes(engine as EngineName)) {
      throw new Error(
        `WAYBILL_BENCH_ENGINES: unknown engine "${engine}"; expected ${ENGINES.join(
          ' or ',
        )}`,
      );
    }
  }
  const variable = env.WAYBILL_BENCH_SIZES
    ? 'WAYBILL_BENCH_SIZES'
    : 'WAYBILL_BENCH_ENTITIES';
  const given = env[variable];
  const sizes = given ? parseSizes(given, variable) : DEFAULT_SIZES;
  const sqliteSizes = env.WAYBILL_BENCH_SQLITE_SIZES
    ? parseSizes(env.WAYBILL_BENCH_SQLITE_SIZES, 'WAYBILL_BENCH_SQLITE_SIZES')
    : sizes;
  const bulkMax = Number(
    env.WAYBILL_BENCH_TI_BULK_MAX ?? Number.POSITIVE_INFINITY,
  );
  if (Number.isNaN(bulkMax)) {
    throw new Error('WAYBILL_BENCH_TI_BULK_MAX: expected a number of entities');
  }
  return {
    engines: engines as EngineName[],
    sizes: { postgres: sizes, sqlite: sqliteSizes },
    techInsightsBulkMax: bulkMax,
  };
}
