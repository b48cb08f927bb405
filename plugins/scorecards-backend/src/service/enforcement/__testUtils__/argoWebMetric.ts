import { parse } from 'yaml';

/** What Argo Rollouts records for one measurement. */
export type MeasurementPhase = 'Successful' | 'Failed' | 'Error';

interface WebMetric {
  name: string;
  successCondition: string;
  provider: {
    web: {
      url: string;
      method?: string;
      headers?: Array<{ key: string; value: string }>;
      jsonPath?: string;
    };
  };
}

interface AnalysisTemplate {
  kind: string;
  spec: {
    args: Array<{
      name: string;
      value?: string;
      valueFrom?: { secretKeyRef: { name: string; key: string } };
    }>;
    metrics: WebMetric[];
  };
}

/** `{{args.name}}` replaced as Argo does; an argument with no value is an error, as in Argo. */
function substitute(text: string, args: Record<string, string>): string {
  return text.replace(/\{\{args\.([\w-]+)\}\}/g, (_, name) => {
    if (!(name in args)) throw new Error(`args.${name} has no value`);
    return args[name];
  });
}

/** Kubernetes JSONPath of the form `{$.a.b}`, the only form the template uses. */
function jsonPath(path: string, body: unknown): unknown {
  const match = /^\{\$((?:\.[\w-]+)*)\}$/.exec(path);
  if (!match) throw new Error(`The fake reads {$.a.b} paths only, not ${path}`);
  return match[1]
    .split('.')
    .filter(Boolean)
    .reduce<any>((value, key) => value?.[key], body);
}

/** An expr-lang condition of the form `result == "a" || result == "b"`. */
function holds(condition: string, result: unknown): boolean {
  return condition.split('||').some(term => {
    const match = /^\s*result\s*==\s*"([^"]*)"\s*$/.exec(term);
    if (!match) {
      throw new Error(`The fake evaluates result == "x" terms only: ${term}`);
    }
    return result === match[1];
  });
}

/**
 * A faithful fake of Argo Rollouts' analysis of an AnalysisTemplate's `web` metrics: resolves
 * the template's args (given by the Rollout, or from a Secret), sends the request as the web
 * provider does (a non-2xx answer is an Error measurement), reads `jsonPath` from the JSON
 * answer, and evaluates `successCondition` on it (Failed when it does not hold).
 */
export async function runAnalysis(
  templateYaml: string,
  options: {
    args: Record<string, string>;
    secrets: Record<string, Record<string, string>>;
  },
): Promise<Record<string, MeasurementPhase>> {
  const template = parse(templateYaml) as AnalysisTemplate;
  if (template.kind !== 'AnalysisTemplate') {
    throw new Error(`Expected an AnalysisTemplate, got ${template.kind}`);
  }
  const args: Record<string, string> = {};
  for (const arg of template.spec.args) {
    const ref = arg.valueFrom?.secretKeyRef;
    const value = ref
      ? options.secrets[ref.name]?.[ref.key]
      : options.args[arg.name] ?? arg.value;
    if (value !== undefined) args[arg.name] = value;
  }
  const phases: Record<string, MeasurementPhase> = {};
  for (const metric of template.spec.metrics) {
    const { web } = metric.provider;
    const response = await fetch(substitute(web.url, args), {
      method: web.method ?? 'GET',
      headers: Object.fromEntries(
        (web.headers ?? []).map(h => [h.key, substitute(h.value, args)]),
      ),
    });
    if (!response.ok) {
      phases[metric.name] = 'Error';
      continue;
    }
    const body = await response.json();
    const result = web.jsonPath ? jsonPath(web.jsonPath, body) : body;
    phases[metric.name] = holds(metric.successCondition, result)
      ? 'Successful'
      : 'Failed';
  }
  return phases;
}
