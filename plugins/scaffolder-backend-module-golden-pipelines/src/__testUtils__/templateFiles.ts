import fs from 'node:fs';
import path from 'node:path';

/** The repository's software templates (`templates/<name>/template.yaml` and `skeleton/`). */
export const TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

/** A template directory as the scaffolder's dry run takes it: every file, base64. */
export function directoryContents(
  dir: string,
  base = dir,
): Array<{ path: string; base64Content: string }> {
  const out: Array<{ path: string; base64Content: string }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...directoryContents(full, base));
    else
      out.push({
        path: path.relative(base, full),
        base64Content: fs.readFileSync(full).toString('base64'),
      });
  }
  return out;
}
