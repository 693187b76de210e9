/** CSV cells that spreadsheets open safely: RFC 4180 quoting, and formulas made inert. */

/** Characters that make a spreadsheet read a cell as a formula (or hide one behind a control). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export const CSV_BOM = '\uFEFF';

/** A text cell made inert for spreadsheets: a leading apostrophe when it could start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 escaping of one field. */
export function escapeCsvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A text cell, inert and quoted as needed. */
export function csvText(value: string): string {
  return escapeCsvField(neutraliseFormula(value));
}
