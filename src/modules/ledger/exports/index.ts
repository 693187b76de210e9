/** Ledger exports: CSV for spreadsheets, JSON for programs, FEC for the accountant. Pure functions. */
export type { ExportContext, ExportLine, ExportTransaction } from './types.ts';
export { CSV_COLUMNS, transactionsToCsv } from './csv.ts';
export { LEDGER_JSON_VERSION, transactionsToJson, type LedgerJson, type LedgerJsonLine, type LedgerJsonTransaction } from './json.ts';
export { FEC_COLUMNS, fecDescription, journalFor, transactionsToFec, validateFec, type FecFile, type FecOptions, type FecValidation } from './fec.ts';
export { pcgAccountFor, pcgMappingTable } from './pcg-mapping.ts';
