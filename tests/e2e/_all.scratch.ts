import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, newVisitor, visit, logIn } from './support/browser.ts';
import { startServer } from './support/server.ts';
const server = await startServer();
const browser = await launchBrowser();
const v = await newVisitor(browser, server.baseUrl);
const check = async (p: string) => { await visit(v.page, p); const r = await new AxeBuilder({ page: v.page }).setLegacyMode(true).analyze(); for (const x of r.violations) console.log(p, x.impact, x.id, x.nodes.length, x.nodes[0]?.target.join(' ')); };
for (const p of ['/', '/contributors', '/propose', '/account/login', '/themes', '/about', '/contact', '/pieces/' ]) { try { await check(p) } catch(e) { console.log(p, String(e).slice(0,80)) } }
await visit(v.page, '/'); const href = await v.page.locator('main a[href^="/pieces/"]').first().getAttribute('href'); await check(href!);
await logIn(v.page, 'editor@example.org', 'open-experience-editor', '/editor');
for (const p of ['/editor', '/editor/pieces', '/editor/proposals', '/studio/pieces/1', '/studio/pieces/new', '/editor/contributors']) { try { await check(p) } catch(e) { console.log(p, String(e).slice(0,80)) } }
console.log(v.externalRequests, v.pageErrors);
await v.close(); await browser.close(); await server.stop();
