/*
 * The same need as jestResolver.cjs, for Node outside Jest (the browser journey, which Playwright
 * loads as CommonJS): GitHub's @actions/workflow-parser and @actions/expressions are ESM-only,
 * their `exports` name only the `import` condition, and they import JSON files without an import
 * attribute. These module hooks resolve them with the `import` condition (Node 22 can require an
 * ES module) and load their JSON files as ES modules. Nothing else is touched.
 */
const { registerHooks } = require('node:module');
const { readFileSync } = require('node:fs');

const ACTIONS = /^@actions\/(workflow-parser|expressions)(\/|$)/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    return nextResolve(
      specifier,
      ACTIONS.test(specifier)
        ? { ...context, conditions: ['import', ...context.conditions] }
        : context,
    );
  },
  load(url, context, nextLoad) {
    if (/\/node_modules\/@actions\/[^/]+\/dist\/.*\.json$/.test(url)) {
      return {
        format: 'module',
        source: `export default ${readFileSync(new URL(url), 'utf8')};`,
        shortCircuit: true,
      };
    }
    return nextLoad(url, context);
  },
});
