import type { FixedAccount } from './accounts.ts';

/** Where ticket money sits: the bank (transfers, cash at the door) or the payment provider's balance. */
export type MoneyChannel = 'bank' | 'provider';

/** The asset account of each channel. */
export const CHANNEL_ACCOUNT = { bank: 'assets:bank', provider: 'assets:payment_provider' } as const satisfies Record<MoneyChannel, FixedAccount>;
