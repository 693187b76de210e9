import { z } from 'zod';
import { LANGS } from '../../shared/i18n/index.ts';

/** /lang/:code — an unknown language is a 404. */
export const langParams = z.object({ code: z.enum(LANGS) });

/** Where to go back after the switch; anything odd (twice given, not a string) means the home page. */
export const langQuery = z.object({ next: z.string().optional().catch(undefined) });
