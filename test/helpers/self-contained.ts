// The static check every HTML report passes before a browser opens it: nothing in the text that
// could fetch (scripts, links, images, frames, imports, url() outside the page), and no URL but the
// SVG namespace, which is a name and never fetched.
import assert from 'node:assert/strict';

export function assertSelfContained(html: string): void {
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|\ssrc=|\shref=|@import/i);
  assert.deepEqual(
    [...html.matchAll(/url\(([^)]*)\)/g)].filter(([, target]) => !target?.startsWith('#')),
    [],
    'fills only from the page itself',
  );
  assert.deepEqual(
    [...html.matchAll(/https?:\/\/[^\s"'<]+/g)].map(([url]) => url),
    Array(html.split('<svg ').length - 1).fill('http://www.w3.org/2000/svg'),
    'the only URL is the SVG namespace, a name that is never fetched',
  );
}
