/**
 * The architecture rules of docs/decisions/009-module-shape.md, checked on every run:
 * - the dependency rules of .dependency-cruiser.cjs (no cycle, modules through their index.ts,
 *   pure domains and views, no test support in src);
 * - SQL only in queries, commands and db/;
 * - every command with the one signature `(ctx: CommandContext | TxContext, input?)`;
 * - no `req.params as` / `req.query as` / `req.body as`: routes declare schemas;
 * - no `as MessageKey` casts: keys are typed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const files = sourceFiles('src');

describe('architecture', () => {
  it('keeps the dependency rules (dependency-cruiser)', () => {
    let output = '';
    try {
      output = execFileSync(path.join(root, 'node_modules/.bin/depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      // depcruise exits non-zero when rules are broken; its JSON report is still on stdout.
      output = (error as { stdout?: string }).stdout ?? '';
      if (!output) throw error;
    }
    const report = JSON.parse(output) as { summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[] } };
    const violations = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`);
    expect(violations).toEqual([]);
  }, 120_000);

  it('writes SQL only in queries, commands and db/', () => {
    const allowed = (file: string) => /(^|\/)queries(\.ts|\/)/.test(file) || /\/commands\//.test(file) || file.startsWith('src/db/');
    const builder = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|with)\(|\bsql`|\.schema\./;
    const offenders = files.filter((f) => !allowed(f) && builder.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('gives every command the one signature (ctx: CommandContext | TxContext, input?)', () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => /\/commands\//.test(f))) {
      const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
      for (const statement of source.statements) {
        if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
        if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        const [first, ...rest] = statement.parameters;
        const firstType = first?.type?.getText(source) ?? '';
        if (!first || first.name.getText(source) !== 'ctx' || !/^(CommandContext|TxContext)$/.test(firstType) || rest.length > 1) {
          offenders.push(`${file}: ${statement.name.text}(${statement.parameters.map((p) => p.getText(source)).join(', ')})`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reads params, query strings and bodies through route schemas, never by casting', () => {
    const cast = /\breq\.(params|query|body)\s+as\b/;
    expect(files.filter((f) => cast.test(readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });

  it('types its message keys instead of casting strings to them', () => {
    const cast = /as MessageKey\b|as '[a-zA-Z]+\.[a-zA-Z0-9_.:]+'/;
    expect(files.filter((f) => cast.test(readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });
});
