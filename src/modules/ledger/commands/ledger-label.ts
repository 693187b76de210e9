import { translator, type MessageKey } from '../../../shared/i18n/index.ts';
import type { TransactionLabel } from '../domain/posting.ts';

const french = translator('fr');

/**
 * A transaction's label from the catalogue (`ledger.describe.*`): the French text is the accounting
 * description (the FEC and exports are French), and the key with its parameters is stored beside
 * it so that pages show the label in their reader's language (`transactionLabel`).
 */
export const ledgerLabel = (key: MessageKey, params: Record<string, string | number>): { description: string; label: TransactionLabel } => ({
  description: french(key, params),
  label: { key, params },
});
