// Bundles the server and CLI (dependencies stay external) and the browser assets, with esbuild.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

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

// Browser assets pre-compressed once, at the strongest settings: @fastify/static serves the `.br` or
// `.gz` beside a file to whoever accepts it (preCompressed), with no compression per request.
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) precompress(file);
    else if (/\.(js|css|json|svg|map)$/.test(name)) {
      const data = readFileSync(file);
      writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    }
  }
}
precompress('public/build');
