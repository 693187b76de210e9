import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-records.ts';
import { formatBbox, parseBbox } from './filters.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('reading CSV', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    const result = readCsv(bytes('\uFEFFName,Description\r\n"Atelier, Soudé","Il dit ""bonjour""\r\nsur deux lignes"\r\nB,\r\n'));
    expect(result).toEqual({
      ok: true,
      header: ['name', 'description'],
      records: [
        { line: 2, cells: ['Atelier, Soudé', 'Il dit "bonjour"\r\nsur deux lignes'] },
        { line: 4, cells: ['B', ''] },
      ],
    });
  });

  it('guesses the semicolon of French spreadsheets', () => {
    const result = readCsv(bytes('name;country\nFramasoft;FR\n'));
    expect(result.ok && result.records[0]!.cells).toEqual(['Framasoft', 'FR']);
  });

  it('refuses a file that is not UTF-8, an empty file and an unterminated quote, saying where', () => {
    expect(readCsv(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0x74, 0xe9]))).toEqual({ ok: false, error: 'encoding' });
    expect(readCsv(bytes('  \n'))).toEqual({ ok: false, error: 'empty' });
    expect(readCsv(bytes('name\nok\n"never closed\n'))).toEqual({ ok: false, error: 'unterminated_quote', line: 3 });
  });
});

describe('bounding boxes', () => {
  it('reads west,south,east,north and writes it back', () => {
    expect(parseBbox('2.2,48.8,2.5,48.9')).toEqual({ west: 2.2, south: 48.8, east: 2.5, north: 48.9 });
    expect(formatBbox(parseBbox('2.2,48.8,2.5,48.9')!)).toBe('2.2,48.8,2.5,48.9');
    expect(parseBbox('170,-10,-170,10')).toEqual({ west: 170, south: -10, east: -170, north: 10 });
  });

  it.each(['', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '0,95,1,96', '0,10,1,5', '-181,0,0,1', '0,0,181,1', 'Infinity,0,1,1'])('refuses %j', (text) => {
    expect(parseBbox(text)).toBeNull();
  });
});
