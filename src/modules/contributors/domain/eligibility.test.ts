import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAccepted, standingFrom, type ContributionFact } from './eligibility.ts';

const now = new Date('2026-04-15T10:00:00.000Z');

function fact(kind: string, subjectId: number, acceptedAt: string | null, subjectType = 'piece'): ContributionFact {
  return { kind, subjectType, subjectId, acceptedAt };
}

describe('isAccepted', () => {
  it.each([
    { acceptedAt: null, expected: false },
    { acceptedAt: '2026-04-15T09:59:59.999Z', expected: true },
    { acceptedAt: '2026-04-15T10:00:00.000Z', expected: true },
    { acceptedAt: '2026-04-15T10:00:00.001Z', expected: false },
    { acceptedAt: '2019-01-01T00:00:00.000Z', expected: true },
    { acceptedAt: '2031-01-01T00:00:00.000Z', expected: false },
  ])('acceptedAt=$acceptedAt → $expected', ({ acceptedAt, expected }) => {
    expect(isAccepted(fact('author', 1, acceptedAt), now)).toBe(expected);
  });
});

describe('standingFrom', () => {
  it('no contributions → not a contributor, nothing counted', () => {
    expect(standingFrom([], now)).toEqual({ isContributor: false, contributions: [], countsByKind: {} });
  });

  it('only pending contributions (accepted_at null) → not a contributor', () => {
    const standing = standingFrom([fact('author', 1, null), fact('talk', 2, null, 'event')], now);
    expect(standing).toEqual({ isContributor: false, contributions: [], countsByKind: {} });
  });

  it('only a future acceptance → not a contributor yet', () => {
    const standing = standingFrom([fact('author', 1, '2026-04-15T10:00:00.001Z')], now);
    expect(standing).toEqual({ isContributor: false, contributions: [], countsByKind: {} });
  });

  it('an acceptance exactly now counts', () => {
    const c = fact('author', 1, now.toISOString());
    expect(standingFrom([c], now)).toEqual({ isContributor: true, contributions: [c], countsByKind: { author: 1 } });
  });

  it('keeps accepted ones, drops pending and future ones, counts by kind, newest first', () => {
    const a1 = fact('author', 1, '2025-01-10T08:00:00.000Z');
    const a2 = fact('author', 2, '2026-03-01T08:00:00.000Z');
    const a3 = fact('author', 3, '2024-06-30T08:00:00.000Z');
    const talk = fact('talk', 10, '2025-11-20T18:30:00.000Z', 'event');
    const map = fact('map_entry', 5, '2026-04-15T09:00:00.000Z', 'map');
    const pending = fact('author', 4, null);
    const future = fact('talk', 11, '2026-05-01T18:30:00.000Z', 'event');

    const standing = standingFrom([a1, pending, talk, a2, future, a3, map], now);
    expect(standing.isContributor).toBe(true);
    expect(standing.contributions).toEqual([map, a2, talk, a1, a3]);
    expect(standing.countsByKind).toEqual({ author: 3, talk: 1, map_entry: 1 });
  });

  it('does not reorder the caller’s array', () => {
    const input = [fact('author', 1, '2025-01-01T00:00:00.000Z'), fact('author', 2, '2026-01-01T00:00:00.000Z')];
    const copy = structuredClone(input);
    standingFrom(input, now);
    expect(input).toEqual(copy);
  });

  const factArb = fc.record({
    kind: fc.constantFrom('author', 'talk', 'map_entry', 'translator'),
    subjectType: fc.constantFrom('piece', 'event', 'map'),
    subjectId: fc.nat(),
    acceptedAt: fc.option(
      fc
        .integer({ min: Date.parse('2020-01-01T00:00:00.000Z'), max: Date.parse('2030-01-01T00:00:00.000Z') })
        .map((ms) => new Date(ms).toISOString()),
      { nil: null, freq: 4 },
    ),
  });
  const nowArb = fc
    .integer({ min: Date.parse('2020-01-01T00:00:00.000Z'), max: Date.parse('2030-01-01T00:00:00.000Z') })
    .map((ms) => new Date(ms));

  it('property: isContributor iff at least one contribution is accepted at or before now', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 20 }), nowArb, (facts, at) => {
        const expected = facts.some((f) => f.acceptedAt !== null && Date.parse(f.acceptedAt) <= at.getTime());
        expect(standingFrom(facts, at).isContributor).toBe(expected);
      }),
    );
  });

  it('property: contributions are exactly the accepted ones, newest first, and counts add up', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 20 }), nowArb, (facts, at) => {
        const standing = standingFrom(facts, at);
        const accepted = facts.filter((f) => f.acceptedAt !== null && Date.parse(f.acceptedAt) <= at.getTime());
        expect(standing.contributions).toHaveLength(accepted.length);
        for (const c of accepted) expect(standing.contributions).toContain(c);
        for (let i = 1; i < standing.contributions.length; i++) {
          expect(Date.parse(standing.contributions[i - 1]!.acceptedAt!)).toBeGreaterThanOrEqual(
            Date.parse(standing.contributions[i]!.acceptedAt!),
          );
        }
        const expectedCounts: Record<string, number> = {};
        for (const c of accepted) expectedCounts[c.kind] = (expectedCounts[c.kind] ?? 0) + 1;
        expect(standing.countsByKind).toEqual(expectedCounts);
      }),
    );
  });
});
