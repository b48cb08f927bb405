/*
 * The browser journey's Sigstore, started before the portal (playwright.config.ts' webServer):
 * `testSigstoreServer.ts <port> <github issuer> <gitlab issuer> <trusted root file>` listens on
 * the fixed port and writes the trusted root the portal's config names, then runs until killed
 * with the portal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestSigstore } from './testSigstore';

async function main() {
  const [port, github, gitlab, rootFile] = process.argv.slice(2);
  const sigstore = await TestSigstore.start({ github, gitlab }, Number(port));
  fs.mkdirSync(path.dirname(rootFile), { recursive: true });
  fs.writeFileSync(`${rootFile}.tmp`, JSON.stringify(sigstore.trustedRoot));
  fs.renameSync(`${rootFile}.tmp`, rootFile);
}

main().catch(error => {
  process.stderr.write(`test Sigstore: ${error.stack ?? error}\n`);
  process.exit(1);
});
