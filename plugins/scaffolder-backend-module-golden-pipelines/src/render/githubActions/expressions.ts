import { PlanValue } from '../../pipeline/plan';

/** The condition of a push to the default branch. */
export const ON_MAIN =
  "github.event_name == 'push' && github.ref == 'refs/heads/main'";

/** A plan value as a GitHub Actions expression. */
export function expression(value: PlanValue): string {
  switch (value.kind) {
    case 'context':
      if (value.name === 'commit') return '${{ github.sha }}';
      if (value.name === 'repository') return '${{ github.repository }}';
      return '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}';
    case 'variable':
      return `\${{ vars.${value.name} }}`;
    case 'job-output':
      return `\${{ needs.${value.job}.outputs.${value.output} }}`;
    case 'literal':
      return value.value;
    case 'matrix-cloud':
      return '${{ matrix.cloud }}';
    default:
      throw new Error('unknown plan value');
  }
}

/** An `env:` mapping of plan values, or undefined when there are none. */
export function envExpressions(values: Record<string, PlanValue> | undefined) {
  if (!values || Object.keys(values).length === 0) return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, expression(v)]),
  );
}
