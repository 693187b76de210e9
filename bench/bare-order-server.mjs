// The baseline of the ticket-orders scenario: a bare node:http server that reads a POST's body to
// the end and answers the way the app answers an order, without doing any of its work — the first
// <seats> POSTs get a 303 with a body of <bytes303> bytes, every later one a 409 with <bytes409>
// bytes — so the same load meets the same statuses and the same bytes. GET / answers 200 (the
// readiness probe); GET /__reset sets the count back to 0 (after a warm-up). Run as its own process:
//   node bench/bare-order-server.mjs <seats> <bytes303> <bytes409> <port> [host]
// SIGTERM/SIGINT close it.
import http from 'node:http';

const [seatsArg, bytes303Arg, bytes409Arg, portArg, hostArg] = process.argv.slice(2);
const seats = Number(seatsArg);
const bytes303 = Number(bytes303Arg);
const bytes409 = Number(bytes409Arg);
const port = Number(portArg ?? 0);
const host = hostArg ?? '127.0.0.1';
if (![seats, bytes303, bytes409, port].every((n) => Number.isSafeInteger(n) && n >= 0)) {
  console.error('usage: node bench/bare-order-server.mjs <seats> <bytes303> <bytes409> <port> [host]');
  process.exit(2);
}

const unit = '<p>Open Experience bare baseline body.</p>\n';
const filler = (bytes) => Buffer.from(unit.repeat(Math.ceil(bytes / unit.length) || 1).slice(0, bytes), 'utf8');
const body303 = filler(bytes303);
const body409 = filler(bytes409);
const headers303 = { location: '/orders/bare', 'content-type': 'text/html; charset=utf-8', 'content-length': String(body303.length), 'cache-control': 'no-store' };
const headers409 = { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body409.length), 'cache-control': 'no-store' };
const ok = Buffer.from('ok');

let placed = 0;
const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    if (req.url === '/__reset') placed = 0;
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(ok.length) });
    res.end(ok);
    return;
  }
  // Read the form to its end, as the app must before it can answer.
  let length = 0;
  req.on('data', (chunk) => {
    length += chunk.length;
  });
  req.on('end', () => {
    if (placed < seats) {
      placed += 1;
      res.writeHead(303, headers303);
      res.end(body303);
    } else {
      res.writeHead(409, headers409);
      res.end(body409);
    }
    void length;
  });
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
