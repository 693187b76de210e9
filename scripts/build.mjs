// Bundles the server and CLI (dependencies stay external) and the browser assets, with esbuild.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('public/build', { recursive: true });
// The map's offline basemap: Natural Earth country outlines (public domain) from the world-atlas package.
mkdirSync('public/build/map', { recursive: true });
for (const file of ['countries-110m.json', 'countries-50m.json']) copyFileSync(`node_modules/world-atlas/${file}`, `public/build/map/${file}`);
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
  // The map: Leaflet and Supercluster bundled here (no CDN); Leaflet's few images inlined in its CSS.
  build({ ...common, entryPoints: ['src/client/map/map.ts'], outfile: 'public/build/map.js', platform: 'browser', format: 'iife', target: 'es2020', minify: true }),
  build({ ...common, entryPoints: ['src/client/map/map.css'], outfile: 'public/build/map.css', minify: true, loader: { '.png': 'dataurl', '.svg': 'dataurl' } }),
]);
