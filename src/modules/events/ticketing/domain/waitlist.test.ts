import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextInLine, type WaitlistEntry } from './waitlist.ts';

type Entry = WaitlistEntry & { name: string };
const entry = (id: number, createdAt: string, over: Partial<Entry> = {}): Entry => ({ id, createdAt, status: 'waiting', ticketTypeId: 1, name: `p${id}`, ...over });

describe('nextInLine', () => {
  it.each<[string, Entry[], number | undefined, number | undefined]>([
    ['nobody waiting', [], undefined, undefined],
    [
      'the earliest entry first, whatever the input order',
      [entry(1, '2026-06-01T10:05:00.000Z'), entry(2, '2026-06-01T10:01:00.000Z'), entry(3, '2026-06-01T10:03:00.000Z')],
      undefined,
      2,
    ],
    ['the same second: the smaller id first', [entry(9, '2026-06-01T10:00:00.000Z'), entry(4, '2026-06-01T10:00:00.000Z'), entry(7, '2026-06-01T10:00:00.000Z')], undefined, 4],
    ['time wins over id', [entry(1, '2026-06-01T10:00:01.000Z'), entry(2, '2026-06-01T10:00:00.999Z')], undefined, 2],
    [
      'entries already offered, claimed, expired or removed are skipped',
      [
        entry(1, '2026-06-01T09:00:00.000Z', { status: 'offered' }),
        entry(2, '2026-06-01T09:01:00.000Z', { status: 'claimed' }),
        entry(3, '2026-06-01T09:02:00.000Z', { status: 'expired' }),
        entry(4, '2026-06-01T09:03:00.000Z', { status: 'removed' }),
        entry(5, '2026-06-01T09:04:00.000Z'),
      ],
      undefined,
      5,
    ],
    ['nobody still waiting', [entry(1, '2026-06-01T09:00:00.000Z', { status: 'offered' })], undefined, undefined],
    [
      'per ticket type: the earliest of that type',
      [entry(1, '2026-06-01T09:00:00.000Z', { ticketTypeId: 2 }), entry(2, '2026-06-01T09:30:00.000Z', { ticketTypeId: 1 }), entry(3, '2026-06-01T09:10:00.000Z', { ticketTypeId: 1 })],
      1,
      3,
    ],
    ['per ticket type: nobody of that type', [entry(1, '2026-06-01T09:00:00.000Z', { ticketTypeId: 2 })], 1, undefined],
    [
      'without a type: the earliest of any type',
      [entry(1, '2026-06-01T09:30:00.000Z', { ticketTypeId: 1 }), entry(2, '2026-06-01T09:00:00.000Z', { ticketTypeId: 2 })],
      undefined,
      2,
    ],
  ])('%s', (_label, entries, typeId, expectedId) => {
    expect(nextInLine(entries, typeId)?.id).toBe(expectedId);
  });

  it('returns the entry itself (with its extra fields) and leaves the list untouched', () => {
    const list = [entry(3, '2026-06-01T10:02:00.000Z'), entry(1, '2026-06-01T10:01:00.000Z')];
    const copy = list.map((e) => ({ ...e }));
    const next = nextInLine(list);
    expect(next).toBe(list[1]);
    expect(next?.name).toBe('p1');
    expect(list).toEqual(copy);
  });

  const entryArb = fc.record({
    id: fc.integer({ min: 1, max: 1000 }),
    createdAt: fc.integer({ min: 0, max: 20 }).map((s) => new Date(Date.UTC(2026, 5, 1, 10, 0, s)).toISOString()),
    status: fc.constantFrom<WaitlistEntry['status']>('waiting', 'offered', 'claimed', 'expired', 'removed'),
    ticketTypeId: fc.integer({ min: 1, max: 3 }),
  });

  it('picks the first waiting entry by (created_at, id), whatever the order it is given in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 15 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), fc.nat(), (entries, typeId, seed) => {
        const next = nextInLine(entries, typeId);
        const eligible = entries.filter((e) => e.status === 'waiting' && (typeId === undefined || e.ticketTypeId === typeId));
        if (eligible.length === 0) {
          expect(next).toBeUndefined();
          return;
        }
        expect(next).toBeDefined();
        expect(eligible).toContain(next);
        for (const e of eligible) {
          const earlier = e.createdAt < next!.createdAt || (e.createdAt === next!.createdAt && e.id < next!.id);
          expect(earlier).toBe(false);
        }
        // A different order of the same entries gives the same person.
        const shuffled = [...entries].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(nextInLine(shuffled, typeId)?.id).toBe(next!.id);
      }),
    );
  });
});
