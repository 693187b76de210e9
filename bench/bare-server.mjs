// The baseline: a bare node:http server answering every request with the same pre-built body of a
// given size, so a page's throughput can be compared with what Node itself manages on this machine.
// Given a file, it sends that file's bytes (the page's own): the load generator's cost depends on
// what it reads (autocannon decodes every body as UTF-8 text, and French HTML decodes several
// times slower than ASCII filler), so a baseline must send the same bytes, not only as many.
// Run as its own process (never in the benchmark's event loop):
//   node bench/bare-server.mjs <bytes> <port> [host] [body file]
// It answers as soon as it listens; SIGTERM/SIGINT close it.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [bytesArg, portArg, hostArg, bodyFile] = process.argv.slice(2);
const bytes = Number(bytesArg);
const port = Number(portArg ?? 0);
const host = hostArg ?? '127.0.0.1';
if (!Number.isSafeInteger(bytes) || bytes < 0 || !Number.isSafeInteger(port) || port < 0) {
  console.error('usage: node bench/bare-server.mjs <bytes> <port> [host] [body file]');
  process.exit(2);
}

// The page's own bytes when given; otherwise HTML-looking ASCII filler of the size asked.
const unit = '<p>Open Experience bare baseline body.</p>\n';
const body = bodyFile ? readFileSync(bodyFile).subarray(0, bytes) : Buffer.from(unit.repeat(Math.ceil(bytes / unit.length) || 1).slice(0, bytes), 'utf8');
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'content-length': String(body.length),
  'cache-control': 'no-store',
};

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 72_000;

const close = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', close);
process.on('SIGINT', close);

server.listen(port, host);
