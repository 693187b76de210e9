import { randomBytes } from 'node:crypto';

/** A one-time key put in a money form when it is shown: a double submit carries the same key and books once. */
export const newFormKey = (): string => randomBytes(16).toString('base64url');
