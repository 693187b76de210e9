/**
 * Reading CSV as people and spreadsheets write it (RFC 4180: quoted fields, doubled quotes,
 * line breaks inside quotes, CRLF or LF, an optional BOM; `,` or `;` as separator, guessed from
 * the header line). Pure: bytes in, records or a located error out.
 */

export interface CsvRecord {
  /** The line the record starts on, counting the header as line 1. */
  line: number;
  cells: string[];
}

export type CsvReadResult = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; error: 'encoding' | 'empty' | 'unterminated_quote'; line?: number };

/** Decodes UTF-8 strictly: a file in another encoding is refused rather than read as mojibake. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

function guessSeparator(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function readCsv(bytes: Uint8Array): CsvReadResult {
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, error: 'encoding' };
  if (text.trim() === '') return { ok: false, error: 'empty' };
  const sep = guessSeparator(text);
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
      i += 1;
    } else if (ch === sep) {
      endCell();
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
      line += 1;
      rowLine = line;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      i += 1;
      line += 1;
      rowLine = line;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (quoted) return { ok: false, error: 'unterminated_quote', line: quoteLine };
  if (cell !== '' || cells.length) endRow();
  const [head, ...records] = rows;
  if (!head) return { ok: false, error: 'empty' };
  return { ok: true, header: head.cells.map((h) => h.trim().toLowerCase()), records };
}
