/*
 * GitHub's @actions/workflow-parser and @actions/expressions are ESM-only packages whose
 * `exports` name only the `import` condition. Jest runs this package's tests as CommonJS (the
 * Backstage CLI transforms ESM from node_modules with SWC), so it resolves them with the
 * `import` condition; every other module resolves as usual. It is the repository's resolver (root
 * package.json): set on one package only, a full `backstage-cli repo test` run did not always use
 * it for that package's modules.
 */
module.exports = (request, options) =>
  options.defaultResolver(
    request,
    /^@actions\/(workflow-parser|expressions)(\/|$)/.test(request)
      ? { ...options, conditions: ['import', 'default'] }
      : options,
  );
