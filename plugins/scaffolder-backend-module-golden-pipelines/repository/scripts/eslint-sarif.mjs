// ESLint formatter writing SARIF 2.1.0, for the pipeline's SAST evidence (npm run lint:sarif):
// one result per message, with its rule, level and location relative to the repository.
import { relative, sep } from 'node:path';

const SEVERITY_LEVEL = { 1: 'warning', 2: 'error' };

/**
 * @param {Array<{ filePath: string, messages: Array<{ ruleId: string | null, severity: 1 | 2, message: string, line?: number, column?: number, endLine?: number, endColumn?: number, fatal?: boolean }> }>} results
 * @param {{ cwd: string, rulesMeta: Record<string, { docs?: { description?: string, url?: string } }> }} context
 */
export default function sarif(results, context) {
  const rules = [];
  const ruleIndex = new Map();
  const indexOf = ruleId => {
    if (!ruleIndex.has(ruleId)) {
      const meta = context.rulesMeta?.[ruleId];
      ruleIndex.set(ruleId, rules.length);
      rules.push({
        id: ruleId,
        shortDescription: { text: meta?.docs?.description ?? ruleId },
        ...(meta?.docs?.url ? { helpUri: meta.docs.url } : {}),
      });
    }
    return ruleIndex.get(ruleId);
  };

  const findings = results.flatMap(file => {
    const uri = relative(context.cwd, file.filePath).split(sep).join('/');
    return file.messages.map(m => {
      // Parse errors have no rule.
      const ruleId = m.ruleId ?? (m.fatal ? 'parse-error' : 'eslint');
      const region = { startLine: m.line ?? 1, startColumn: m.column ?? 1 };
      if (m.endLine !== undefined) region.endLine = m.endLine;
      if (m.endColumn !== undefined) region.endColumn = m.endColumn;
      return {
        ruleId,
        ruleIndex: indexOf(ruleId),
        level: SEVERITY_LEVEL[m.severity] ?? 'warning',
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region,
            },
          },
        ],
      };
    });
  });

  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'ESLint',
              informationUri: 'https://eslint.org',
              rules,
            },
          },
          results: findings,
        },
      ],
    },
    null,
    2,
  )}\n`;
}
