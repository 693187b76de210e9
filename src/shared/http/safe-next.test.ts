/**
 * `safeNextPath`, the one guard on every `next` (issue 12: open redirect through `/lang/en?next=/%09/evil.example/x`
 * and after login; 500s from a `next` the Location header could not carry). Whatever a hostile
 * URL looks like, what comes out stays on this site and is plain ASCII.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from './page.ts';

/** Where a browser on https://site.example would go when it follows `Location: <path>`. */
function followed(path: string): URL {
  return new URL(path, 'https://site.example/somewhere/page');
}

describe('safeNextPath', () => {
  it('refuses what browsers follow to another host', () => {
    for (const hostile of [
      '//evil.example/x',
      '/\\evil.example/x',
      '/\t/evil.example/phish',
      '/\n/evil.example',
      '/\r/evil.example',
      '\t//evil.example',
      '/\\/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/%0a/x'.replace('%0a', '\n'),
      '',
      'relative/path',
    ]) {
      expect(safeNextPath(hostile, '/fallback'), JSON.stringify(hostile)).toBe('/fallback');
    }
  });

  it('keeps a same-site path, query and fragment, percent-encoding what a header cannot carry', () => {
    expect(safeNextPath('/about')).toBe('/about');
    expect(safeNextPath('/events/soiree?x=1#tickets')).toBe('/events/soiree?x=1#tickets');
    expect(safeNextPath('/€')).toBe('/%E2%82%AC');
    expect(safeNextPath('/a/../b')).toBe('/b');
    expect(safeNextPath('/%09/evil.example')).toBe('/%09/evil.example');
  });

  it('never leads off the site, and always yields header-safe ASCII (property)', () => {
    const hostileBits = fc.constantFrom('/', '//', '\\', '\t', '\n', '\r', '%09', '%0a', '%2f', '%5c', '@', ':', '.', '..', 'evil.example', 'https:', '?', '#', '€', ' ', '\u0000', '\u2028', 'ａ');
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileBits, fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const candidate = parts.join('');
        const out = safeNextPath(candidate, '/fallback');
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(/^[\x21-\x7e]*$/.test(out)).toBe(true);
        expect(followed(out).host).toBe('site.example');
      }),
      { numRuns: 2000 },
    );
  });
});
