import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  parseRolloutStrategy,
  RolloutStrategy,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  normalizeEntityRef,
  rolloutStrategyLocationOf,
  WAYBILL_ANNOTATIONS,
} from '@waybill/plugin-waybill-common';
import YAML from 'yaml';

const ANNOTATION = WAYBILL_ANNOTATIONS.rolloutStrategy;

/** A strategy file larger than this is refused. */
const MAX_FILE_BYTES = 256 * 1024;

/**
 * Reads a service's rollout strategy from the YAML file its catalog entry names in its
 * rollout-strategy annotation (`WAYBILL_ANNOTATIONS.rolloutStrategy`). A relative path is resolved against the entity's source
 * location as TechDocs resolves its refs (`getEntitySourceLocation` and the SCM integrations'
 * `resolveUrl`), and the file is read through the backend's URL reader: an SCM integration's
 * host or a host in `backend.reading.allow`. Every problem is an InputError naming the entity,
 * the URL and what is wrong.
 */
export class StrategyFileReader {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
    },
  ) {}

  /** The strategy and the URL it was read from, or undefined when the entity has no annotation. */
  async read(
    entity: Entity,
  ): Promise<{ strategy: RolloutStrategy; url: string } | undefined> {
    // Named but empty is a problem, not the absence of a file.
    if (entity.metadata.annotations?.[ANNOTATION] === undefined) {
      return undefined;
    }
    const ref = normalizeEntityRef(entity);
    const url = this.resolve(
      ref,
      entity,
      rolloutStrategyLocationOf(entity) ?? '',
    );
    const problem = (message: string) =>
      new InputError(
        `The rollout strategy of ${ref} (${ANNOTATION}) at ${url}: ${message}`,
      );

    let buffer: Buffer;
    try {
      buffer = await (await this.options.urlReader.readUrl(url)).buffer();
    } catch (error) {
      throw problem(`the file could not be read: ${(error as Error).message}`);
    }
    if (buffer.length > MAX_FILE_BYTES) {
      throw problem(
        `the file has ${buffer.length} bytes; a strategy file may have at most ${MAX_FILE_BYTES}`,
      );
    }
    const text = buffer.toString('utf8');

    let parsed: unknown;
    try {
      parsed = YAML.parse(text);
    } catch (error) {
      // "... at line 4, column 3:" followed by a snippet of the source.
      const [first] = (error as Error).message.split('\n');
      throw problem(`YAML syntax error: ${first.replace(/:$/, '')}`);
    }
    try {
      return { strategy: parseRolloutStrategy(parsed), url };
    } catch (error) {
      throw problem((error as Error).message);
    }
  }

  /** The annotation's URL, or its path resolved against the entity's source location. */
  private resolve(ref: string, entity: Entity, value: string): string {
    const annotation = `${ANNOTATION}: "${value}"`;
    if (!value) {
      throw new InputError(
        `The rollout strategy of ${ref} (${annotation}) is empty; give a URL or a path relative to the entity's source location`,
      );
    }
    const unreadable = (what: string) =>
      new InputError(
        `The rollout strategy of ${ref} (${annotation}) cannot be read: ${what}. The backend's URL reader reads only over HTTP(S) from SCM integrations and backend.reading.allow hosts, not local files; register the entity from a URL or give the annotation as one`,
      );
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
      if (!/^https?:\/\//i.test(value)) {
        throw unreadable(`${value} is not an http(s) URL`);
      }
      return value;
    }
    let base: { type: string; target: string };
    try {
      base = getEntitySourceLocation(entity);
    } catch {
      throw new InputError(
        `The rollout strategy of ${ref} (${annotation}) is a relative path, but the entity has no source location (backstage.io/source-location or backstage.io/managed-by-location) to resolve it against; give a URL`,
      );
    }
    if (base.type !== 'url') {
      throw unreadable(
        `the path is relative to the entity's source location ${base.type}:${base.target}, which is not a URL`,
      );
    }
    try {
      return this.options.integrations.resolveUrl({
        url: value,
        base: base.target,
      });
    } catch (error) {
      throw new InputError(
        `The rollout strategy of ${ref} (${annotation}) could not be resolved against the source location ${
          base.target
        }: ${(error as Error).message}`,
      );
    }
  }
}
