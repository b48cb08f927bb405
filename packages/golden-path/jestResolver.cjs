/*
 * GitHub's @actions/workflow-parser and @actions/expressions are ESM-only packages whose
 * `exports` name only the `import` condition. Jest runs this package's tests as CommonJS (the
 * Backstage CLI transforms ESM from node_modules with SWC), so it resolves them with the
 * `import` condition; every other module resolves as usual.
 */
module.exports = (request, options) =>
  options.defaultResolver(
    request,
    /^@actions\/(workflow-parser|expressions)(\/|$)/.test(request)
      ? { ...options, conditions: ['import', 'default'] }
      : options,
  );
