import { formatCents, type Cents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';

/** An amount in the page's language, linked to its transactions when `href` is given. */
export function Money({ ctx, cents, href }: { ctx: ViewContext; cents: Cents; href?: string | undefined }) {
  const text = formatCents(cents, ctx.lang);
  return href ? <a href={href}>{text}</a> : <>{text}</>;
}
