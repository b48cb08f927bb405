import { AddViolation, Obj } from '../pipelineYaml';
import { checkStaticKeyCommands } from '../staticCredentials';

/** Expressions whose value someone outside the team can choose (see GitHub's hardening guide). */
const UNTRUSTED_EXPRESSION =
  /\bgithub\.event\.[\w.*[\]'"-]*?\b(?:title|body|message|name|email|label|ref|head_branch|default_branch|page_name|display_title)\b|\bgithub\.head_ref\b|\bgithub\.event\.inputs\.|(?<![\w.])inputs\./;

/** The scripts of a step, by field: `run:`, and github-script's inline `with.script`. */
function scriptsOf(
  step: Obj,
  uses: string,
  withs: Obj,
): Array<[string, string]> {
  const scripts: Array<[string, string]> = [];
  if (typeof step.run === 'string') scripts.push(['run', step.run]);
  if (
    uses.startsWith('actions/github-script@') &&
    typeof withs.script === 'string'
  ) {
    scripts.push(['with.script', withs.script]);
  }
  return scripts;
}

/**
 * Checks the scripts of a step: oidc-only (no sign-in with a static secret) and untrusted-input
 * (no attacker-controllable expression interpolated into the script).
 */
export function checkStepScripts(
  add: AddViolation,
  label: string,
  step: Obj,
  uses: string,
  withs: Obj,
): void {
  for (const [field, text] of scriptsOf(step, uses, withs)) {
    checkStaticKeyCommands(add, text, `${label}.${field}`);
    for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
      const expr = m[1].trim();
      if (UNTRUSTED_EXPRESSION.test(expr)) {
        add(
          'untrusted-input',
          `${label}.${field}`,
          `\${{ ${expr} }} is interpolated into the script, so whoever controls it can inject shell code; pass it through env: and quote the variable ("$VALUE")`,
        );
      }
    }
  }
}
