// Bundles the server and CLI (dependencies stay external) and the browser assets, with esbuild.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

mkdirSync('public/build', { recursive: true });
const common = { bundle: true, sourcemap: true, logLevel: 'warning', jsx: 'automatic', jsxImportSource: 'preact' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/server.ts', 'src/cli.ts'],
    outdir: 'dist',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
  }),
  build({ ...common, entryPoints: ['src/client/app.ts'], outfile: 'public/build/app.js', platform: 'browser', format: 'iife', target: 'es2020', minify: true }),
  build({ ...common, entryPoints: ['src/client/styles.css'], outfile: 'public/build/app.css', minify: true }),
  build({ ...common, entryPoints: ['src/client/checkin.ts'], outfile: 'public/build/checkin.js', platform: 'browser', format: 'iife', target: 'es2020', minify: true }),
  build({ ...common, entryPoints: ['src/client/checkin.css'], outfile: 'public/build/checkin.css', minify: true }),
]);
