/*
 * Test-only: the Meridian Supply Co. demo catalog from examples/, read the way the catalog
 * would (the files all.yaml targets), without relations, so buildDependencyGraph falls back to
 * the spec fields. The backend's tests import it as
 * `@waybill/plugin-dependency-map-common/testUtils`; it reads the repository's files, so only
 * tests in this repository may.
 */
import fs from 'fs';
import path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { buildDependencyGraph } from '../buildDependencyGraph';
import { DependencyGraph } from '../model';

const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');

/** Every entity the demo Location points at, in file order. */
export function loadDemoEntities(): Entity[] {
  const root = parse(
    fs.readFileSync(path.join(EXAMPLES_DIR, 'all.yaml'), 'utf8'),
  ) as Entity;
  const targets = (root.spec as { targets: string[] }).targets;
  return targets.flatMap(target =>
    parseAllDocuments(fs.readFileSync(path.join(EXAMPLES_DIR, target), 'utf8'))
      .map(doc => doc.toJS() as Entity | null)
      .filter((e): e is Entity => e !== null),
  );
}

let demo: DependencyGraph | undefined;

/** The demo estate's dependency graph, built once per test file. */
export function demoGraph(): DependencyGraph {
  if (!demo) demo = buildDependencyGraph(loadDemoEntities());
  return demo;
}

/** `component:default/<name>`. */
export const component = (name: string) => `component:default/${name}`;
/** `api:default/<name>`. */
export const api = (name: string) => `api:default/${name}`;
/** `resource:default/<name>`. */
export const resource = (name: string) => `resource:default/${name}`;

/** The components that consume inventory's `inventory-availability-api`, sorted. */
export const AVAILABILITY_API_CONSUMERS = [
  'customer-portal',
  'inventory-sync',
  'purchase',
  'sales',
  'warehouse-management',
  'warehouse-mobile-app',
].map(component);
