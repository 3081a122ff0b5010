// What a report says of the user's --handler: the file, as seen from where the run started, and
// the SHA-256 of its bytes, so a reader can tell which version of the handler was measured.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Workload } from '../report/model.ts';

export function handlerIdentity(absolutePath: string): NonNullable<Workload['handler']> {
  return {
    path: relative(process.cwd(), absolutePath) || absolutePath,
    sha256: createHash('sha256').update(readFileSync(absolutePath)).digest('hex'),
  };
}
