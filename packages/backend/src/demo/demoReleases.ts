import { z } from 'zod';

const severity = z.enum(['critical', 'high', 'medium', 'low']);

const demoRelease = z
  .object({
    entity: z.string(),
    version: z.string(),
    daysAgo: z.number().int().min(1).default(7),
    tests: z
      .object({
        passed: z.number().int().min(0),
        failed: z.number().int().min(0).default(0),
        errored: z.number().int().min(0).default(0),
        skipped: z.number().int().min(0).default(0),
      })
      .strict(),
    coverage: z
      .object({
        lines: z.number().min(0).max(1),
        branches: z.number().min(0).max(1),
      })
      .strict(),
    vulnerabilities: z
      .array(
        z.object({ id: z.string(), severity, package: z.string() }).strict(),
      )
      .default([]),
    findings: z
      .array(
        z
          .object({
            rule: z.string(),
            severity,
            file: z.string(),
            line: z.number().int().min(1),
            message: z.string(),
          })
          .strict(),
      )
      .default([]),
    readiness: z
      .object({
        previousVersionDeployable: z.boolean().default(true),
        migrationsReversible: z.boolean().default(true),
        rollbackDrillDaysAgo: z.number().int().min(0).nullable().default(35),
        killSwitch: z.boolean().default(true),
      })
      .strict()
      .default({
        previousVersionDeployable: true,
        migrationsReversible: true,
        rollbackDrillDaysAgo: 35,
        killSwitch: true,
      }),
    supplyChain: z
      .object({
        signed: z.boolean().default(true),
        /** The SLSA build level its provenance is signed for; 0: no provenance. */
        provenanceLevel: z
          .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
          .default(3),
      })
      .strict()
      .default({ signed: true, provenanceLevel: 3 }),
    failedInProduction: z.boolean().default(false),
  })
  .strict();

/** One demo release and the outcome its pipeline reported (examples/evidence/releases.yaml). */
export type DemoRelease = z.infer<typeof demoRelease>;

/** Reads the demo release manifest; a malformed one fails with the path of each problem. */
export function parseDemoReleases(raw: unknown): DemoRelease[] {
  const result = z
    .object({ releases: z.array(demoRelease) })
    .strict()
    .safeParse(raw);
  if (!result.success) {
    throw new Error(
      `examples/evidence/releases.yaml is invalid: ${result.error.issues
        .map(issue => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return result.data.releases;
}
