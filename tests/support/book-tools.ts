/** Debian's epubcheck and pdftotext, as the book's tests run them on what a build wrote. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** epubcheck's report on an EPUB (written to `dir`); throws with the report when it finds errors. */
export function epubcheck(bytes: Buffer, dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  try {
    return execFileSync('java', ['-jar', '/usr/bin/epubcheck', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`epubcheck failed:\n${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`);
  }
}

/** The text of a PDF (written to `dir`), as poppler's pdftotext extracts it. */
export function pdfText(bytes: Buffer, dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
