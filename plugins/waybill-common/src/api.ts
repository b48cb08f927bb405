import type { Entity } from '@backstage/catalog-model';
import { EntityRefContext, normalizeEntityRef } from './entityRef';
import { WAYBILL_ANNOTATIONS } from './names';

/** An API entity's current version (its `waybill.dev/api-version`), if it declares one. */
export function apiVersionOf(entity: Entity): string | undefined {
  return (
    entity.metadata.annotations?.[WAYBILL_ANNOTATIONS.apiVersion]?.trim() ||
    undefined
  );
}

/** One `<api ref> <semver range>` entry of a consumer's `waybill.dev/api-requirements`. */
export interface ApiRequirement {
  /** The normalized API entity ref, e.g. `api:default/pricing-api`. */
  apiRef: string;
  /** The semver range the consumer needs, e.g. `^3.0.0`. */
  range: string;
}

/** A consumer's API requirements as read from its annotation. */
export interface ApiRequirementsRead {
  /** The entries that could be read, in annotation order. */
  requirements: ApiRequirement[];
  /** One message per entry that could not be read, in annotation order, e.g. `API requirement "pricing-api" has no version range`. */
  problems: string[];
}

/**
 * Parses a `waybill.dev/api-requirements` value: `<api ref> <semver range>` entries separated by
 * `;`, the range being everything after the first space (so `>=3.0.0 <4.0.0` stays whole). Short
 * refs are APIs in `context.defaultNamespace` (the consumer's namespace).
 */
export function parseApiRequirements(
  value: string,
  context: Pick<EntityRefContext, 'defaultNamespace'> = {},
): ApiRequirementsRead {
  const requirements: ApiRequirement[] = [];
  const problems: string[] = [];
  for (const entry of value.split(';')) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const space = trimmed.search(/\s/);
    if (space < 0) {
      problems.push(`API requirement "${trimmed}" has no version range`);
      continue;
    }
    const raw = trimmed.slice(0, space);
    try {
      const apiRef = normalizeEntityRef(raw, {
        defaultKind: 'api',
        defaultNamespace: context.defaultNamespace,
      });
      requirements.push({ apiRef, range: trimmed.slice(space).trim() });
    } catch {
      problems.push(`cannot read API requirement "${raw}" as an entity ref`);
    }
  }
  return { requirements, problems };
}

/**
 * Reads an entity's `waybill.dev/api-requirements` ({@link parseApiRequirements}, resolved in
 * its namespace); undefined when it has no such annotation.
 */
export function readApiRequirements(
  entity: Entity,
): ApiRequirementsRead | undefined {
  const value =
    entity.metadata.annotations?.[WAYBILL_ANNOTATIONS.apiRequirements];
  if (value === undefined) return undefined;
  return parseApiRequirements(value, {
    defaultNamespace: entity.metadata.namespace,
  });
}

/**
 * The `kind` of the documents Waybill writes for people and tools to keep, e.g. the exported
 * release-train plan.
 */
export const WAYBILL_DOCUMENT_KINDS = {
  /** A release-train plan exported as JSON: the request, the answer and when it was made. */
  releaseTrainPlan: 'waybill.dev/release-train-plan',
} as const;
