import { describe, expect, it } from 'vitest';
import { deskListQuery, pageHref, pageWindow, toPage } from './pagination.ts';

describe('desk pagination', () => {
  it('reads one row more than a page to know whether another follows', () => {
    const w = pageWindow(3, 10);
    expect(w).toEqual({ page: 3, size: 10, limit: 11, offset: 20 });
    const full = toPage(Array.from({ length: 11 }, (_, i) => i), w);
    expect(full).toEqual({ rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], page: 3, hasPrevious: true, hasNext: true });
    expect(toPage([1, 2], pageWindow(1, 10))).toEqual({ rows: [1, 2], page: 1, hasPrevious: false, hasNext: false });
  });

  it('treats a bad page or filter as the first page, unfiltered', () => {
    expect(deskListQuery.parse({ page: 'abc', q: 'x'.repeat(500) })).toEqual({ page: 1, q: '' });
    expect(deskListQuery.parse({ page: ['2', '5'], q: '  Ada ' })).toEqual({ page: 2, q: 'Ada' });
    expect(deskListQuery.parse({})).toEqual({ page: 1, q: '' });
  });

  it('keeps the filters in page links and leaves empty ones out', () => {
    expect(pageHref('/editor/users', { q: 'ada lovelace', who: '' }, 2)).toBe('/editor/users?q=ada+lovelace&page=2');
    expect(pageHref('/editor/users', { q: '' }, 1)).toBe('/editor/users');
  });
});
