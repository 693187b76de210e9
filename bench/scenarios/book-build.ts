/**
 * Building the book (issue 10): a 200-chapter, 400,000-word book as EPUB, web edition (HTML) and
 * PDF, each in a process of its own, timed with its peak memory; and Debian's pandoc building the
 * EPUB and a standalone HTML from the same Markdown, in the same run, as the baseline. Targets:
 * EPUB and HTML in at most half of pandoc's time and under 300 MB of peak memory; the PDF under
 * 60 s. BENCH_BOOK_RUNS (default 3) runs of each; the medians are compared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timingStats } from '../measure.ts';
import type { Check, RunResult, Scenario, ScenarioResult } from './types.ts';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'book-build-child.ts');
const TIME = '/usr/bin/time';

interface Sample {
  ms: number;
  peakRssMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function ours(format: string, dir: string): Sample & { words: number; bytes: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, format, dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as Sample & { words: number; bytes: number };
}

/** pandoc, timed from outside, its peak memory from GNU time when it is there. */
function pandoc(args: string[], cwd: string): Sample {
  const withTime = existsSync(TIME);
  const started = performance.now();
  const run = withTime ? spawnSync(TIME, ['-f', '%M', 'pandoc', ...args], { cwd, encoding: 'utf8' }) : spawnSync('pandoc', args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`pandoc failed: ${run.stderr}`);
  const kb = withTime ? Number(run.stderr.trim().split('\n').pop()) : NaN;
  return { ms, peakRssMb: kb / 1024 };
}

export const bookBuildScenario: Scenario = {
  name: 'book-build',
  needs: {},
  async run(ctx): Promise<ScenarioResult> {
    const runs = Math.max(1, Number(process.env.BENCH_BOOK_RUNS ?? 3));
    const dir = path.join(ctx.dataDir, 'book-bench');
    mkdirSync(dir, { recursive: true });
    ours('markdown', dir);
    const samples: Record<string, Sample[]> = { epub: [], html: [], pdf: [], 'pandoc-epub': [], 'pandoc-html': [] };
    let words = 0;
    for (let i = 0; i < runs; i++) {
      ctx.log(`book-build: run ${i + 1}/${runs}`);
      for (const format of ['epub', 'html', 'pdf'] as const) {
        const s = ours(format, dir);
        words = s.words;
        samples[format]!.push(s);
      }
      samples['pandoc-epub']!.push(pandoc(['-f', 'markdown', '-t', 'epub3', '--toc', '--epub-chapter-level=1', '-o', 'pandoc.epub', 'book.md'], dir));
      samples['pandoc-html']!.push(pandoc(['-f', 'markdown', '-t', 'html5', '-s', '--toc', '-o', 'pandoc.html', 'book.md'], dir));
    }
    const med = (k: string) => ({ ms: median(samples[k]!.map((s) => s.ms)), peakRssMb: median(samples[k]!.map((s) => s.peakRssMb)) });
    const m = Object.fromEntries(Object.keys(samples).map((k) => [k, med(k)])) as Record<string, Sample>;
    const r = (n: number) => Math.round(n);
    const checks: Check[] = [
      { name: 'EPUB time / pandoc EPUB time', target: '<= 0.5', value: Math.round((m.epub!.ms / m['pandoc-epub']!.ms) * 1000) / 1000, pass: m.epub!.ms <= m['pandoc-epub']!.ms / 2 },
      { name: 'HTML time / pandoc HTML time', target: '<= 0.5', value: Math.round((m.html!.ms / m['pandoc-html']!.ms) * 1000) / 1000, pass: m.html!.ms <= m['pandoc-html']!.ms / 2 },
      { name: 'EPUB peak memory (MB)', target: '< 300', value: r(m.epub!.peakRssMb), pass: m.epub!.peakRssMb < 300 },
      { name: 'HTML peak memory (MB)', target: '< 300', value: r(m.html!.peakRssMb), pass: m.html!.peakRssMb < 300 },
      { name: 'PDF time (s)', target: '< 60', value: Math.round(m.pdf!.ms / 100) / 10, pass: m.pdf!.ms < 60_000 },
    ];
    const timing = (k: string): RunResult => ({ target: k, timing: timingStats(samples[k]!.map((s) => s.ms)), memory: { peakRssMb: r(m[k]!.peakRssMb), rssMb: r(m[k]!.peakRssMb) } });
    return {
      description: `Book of 200 chapters, ${words.toLocaleString('en')} words: EPUB, web edition, PDF (each its own process) vs Debian pandoc (EPUB, standalone HTML) on the same Markdown`,
      runs: Object.fromEntries(Object.keys(samples).map((k) => [k, timing(k)])),
      checks,
      notes: [`pandoc ${execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]}`],
    };
  },
};
