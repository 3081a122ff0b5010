// `npm run rerender -- <report.json>…`: renders each report's JSON again, with today's renderers,
// into the .md and .html beside it (same name). The JSON itself is left as it was measured.
import { readFile, writeFile } from 'node:fs/promises';
import { renderHtml } from '../loadtests/document/html.ts';
import { renderMarkdown } from '../loadtests/document/markdown.ts';
import { documentOf } from './report-documents.ts';

const paths = process.argv.slice(2);
if (paths.length === 0 || paths.some((path) => !path.endsWith('.json'))) {
  process.stderr.write(`rerender: give one or more report .json files (got: ${paths.join(' ') || 'none'})\n`);
  process.exitCode = 2;
} else {
  for (const path of paths) {
    let document: ReturnType<typeof documentOf>;
    try {
      document = documentOf(JSON.parse(await readFile(path, 'utf8')));
    } catch (error) {
      process.stderr.write(`rerender: ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
      continue;
    }
    const base = path.slice(0, -'.json'.length);
    await writeFile(`${base}.md`, renderMarkdown(document));
    await writeFile(`${base}.html`, renderHtml(document));
    process.stdout.write(`${base}.md, .html\n`);
  }
}
