import type {
  ReleaseTrainChange,
  ReleaseTrainPlan,
} from '@waybill/plugin-dependency-map-common';
import { WAYBILL_DOCUMENT_KINDS } from '@waybill/plugin-waybill-common';

/** A line of a pasted list that could not be read. */
export interface PasteError {
  line: number;
  text: string;
  message: string;
}

/**
 * Reads a pasted release train: one `ref version` per line (`api:pricing-api 3.0.0`), the two
 * separated by spaces, a tab, a comma or `@` (`pricing-api@3.0.0`). Blank lines and `#` comments
 * are skipped; a ref listed twice keeps its last version.
 */
export function parseReleaseTrainList(text: string): {
  changes: ReleaseTrainChange[];
  errors: PasteError[];
} {
  const byRef = new Map<string, ReleaseTrainChange>();
  const errors: PasteError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    let parts = line.split(/[\s,]+/).filter(Boolean);
    if (parts.length === 1 && parts[0].lastIndexOf('@') > 0) {
      const at = parts[0].lastIndexOf('@');
      parts = [parts[0].slice(0, at), parts[0].slice(at + 1)];
    }
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      errors.push({
        line: i + 1,
        text: raw,
        message: 'expected "<entity ref> <version>"',
      });
      return;
    }
    const [entityRef, version] = parts;
    byRef.delete(entityRef);
    byRef.set(entityRef, { entityRef, version });
  });
  return { changes: [...byRef.values()], errors };
}

/** The changes as a pasteable list, one `ref version` per line. */
export function formatReleaseTrainList(changes: ReleaseTrainChange[]): string {
  return changes.map(c => `${c.entityRef} ${c.version}`).join('\n');
}

/** What the exported documents say about when and for whom the plan was made. */
export interface PlanExportMeta {
  createdAt: Date;
  title?: string;
}

/** The plan as a JSON document: the request, the answer, and when it was made. */
export function planToJson(
  changes: ReleaseTrainChange[],
  plan: ReleaseTrainPlan,
  meta: PlanExportMeta,
): string {
  const { graph: _graph, ...answer } = plan as ReleaseTrainPlan & {
    graph?: unknown;
  };
  return `${JSON.stringify(
    {
      kind: WAYBILL_DOCUMENT_KINDS.releaseTrainPlan,
      title: meta.title ?? 'Release train',
      createdAt: meta.createdAt.toISOString(),
      request: { changes },
      plan: answer,
    },
    null,
    2,
  )}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The heading and the summary list of the change record. */
function markdownSummary(plan: ReleaseTrainPlan, meta: PlanExportMeta) {
  const title = meta.title ?? 'Release train';
  return [
    `# Change record: ${title}`,
    '',
    `- Planned: ${meta.createdAt.toISOString()}`,
    `- Changes: ${plan.changes.length}${
      plan.rejected.length > 0
        ? ` planned, ${plan.rejected.length} not planned`
        : ''
    }`,
    `- Deploy stages: ${plan.stages.length}`,
    `- Verdict: ${
      plan.safe
        ? 'safe to release in this order'
        : `NOT SAFE: resolve the ${
            plan.rejected.length > 0 ? 'changes not planned, ' : ''
          }blockers and incompatibilities below first`
    }`,
    '',
  ];
}

/** The changes as a table, the sequence and the stages. */
function markdownOrder(plan: ReleaseTrainPlan) {
  const lines = ['## Changes', ''];
  lines.push('| Entity | Kind | Version | Current | Stage |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const c of plan.changes) {
    lines.push(
      `| ${cell(c.title)} (\`${c.entityRef}\`) | ${cell(
        c.type ?? c.kind,
      )} | ${cell(c.version)} | ${cell(c.currentVersion ?? '')} | ${
        c.stage + 1
      } |`,
    );
  }
  lines.push('');

  lines.push('## Deployment sequence', '');
  plan.sequence.forEach((ref, i) => {
    const change = plan.changes.find(c => c.entityRef === ref);
    lines.push(
      `${i + 1}. \`${ref}\`${change ? ` → ${change.version}` : ''}${
        change ? ` (stage ${change.stage + 1})` : ''
      }`,
    );
  });
  lines.push('');

  lines.push('## Deploy stages', '');
  for (const stage of plan.stages) {
    lines.push(
      `- Stage ${stage.index + 1}: ${stage.changes
        .map(c => `\`${c.entityRef}\` ${c.version}`)
        .join(', ')}${
        stage.blockers.length > 0 ? ' (contains a dependency cycle)' : ''
      }`,
    );
  }
  lines.push('');
  return lines;
}

/** A section listing items, or saying `None.`. */
function markdownList(title: string, items: string[]) {
  return [`## ${title}`, '', ...(items.length === 0 ? ['None.'] : items), ''];
}

/** The plan as a change-record document in Markdown. */
export function planToMarkdown(
  plan: ReleaseTrainPlan,
  meta: PlanExportMeta,
): string {
  return [
    ...markdownSummary(plan, meta),
    ...(plan.rejected.length > 0
      ? markdownList(
          'Not planned',
          plan.rejected.map(
            r =>
              `- Change ${r.index + 1} (\`${r.entityRef}\` ${r.version}): ${
                r.message
              }`,
          ),
        )
      : []),
    ...markdownOrder(plan),
    ...markdownList(
      'Blockers',
      plan.blockers.map(
        b => `- ${b.entityRefs.map(r => `\`${r}\``).join(' ⇄ ')}: ${b.message}`,
      ),
    ),
    ...markdownList(
      'Incompatibilities',
      plan.incompatibilities.map(
        i => `- \`${i.consumer}\` needs \`${i.api}\` ${i.range}: ${i.message}`,
      ),
    ),
    ...markdownList(
      'Consumers that must wait',
      plan.prematureConsumers.map(
        p => `- \`${p.consumer}\` waits for \`${p.needs}\`: ${p.message}`,
      ),
    ),
    '## Rollback',
    '',
    'Roll back in the reverse order of the sequence above: consumers before the providers they need.',
    '',
  ].join('\n');
}

/** Offers text as a file download in the browser. */
export function downloadText(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
