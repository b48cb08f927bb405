import { AddViolation, isObj } from './pipelineYaml';
import { STATIC_CLOUD_KEY_VARIABLES, STATIC_KEY_COMMANDS } from './rules';

/**
 * oidc-only: flags each variable of an `env:` or `variables:` mapping that only ever holds a
 * static cloud credential, at `<where>.<name>`, telling what to use instead.
 */
export function checkStaticKeyVariables(
  add: AddViolation,
  vars: unknown,
  where: string,
  instead: string = 'OIDC federation',
): void {
  if (!isObj(vars)) return;
  for (const key of Object.keys(vars)) {
    if (STATIC_CLOUD_KEY_VARIABLES.includes(key)) {
      add(
        'oidc-only',
        `${where}.${key}`,
        `${key} is a static cloud credential; use ${instead} instead`,
      );
    }
  }
}

/** oidc-only: flags each shell command of a script that signs in to a cloud with a static secret. */
export function checkStaticKeyCommands(
  add: AddViolation,
  script: string,
  where: string,
): void {
  for (const { pattern, what } of STATIC_KEY_COMMANDS) {
    if (pattern.test(script)) {
      add(
        'oidc-only',
        where,
        `${what} signs in with a static secret; use OIDC federation instead`,
      );
    }
  }
}
