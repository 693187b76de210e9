import { translator } from '../../../shared/i18n/index.ts';

/**
 * Writes a transaction's label from the catalogue (`ledger.describe.*`), in the programme's
 * accounting language whatever the reader's: the FEC and the public ledger are French.
 */
export const ledgerLabel = translator('fr');
