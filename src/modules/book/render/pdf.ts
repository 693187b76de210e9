/**
 * Compiles the Typst document into a PDF in a worker thread: Typst is a native library that keeps
 * its thread busy for seconds on a long book, and the server must go on answering meanwhile. The
 * worker receives the source and the images, and answers the PDF or Typst's own error messages.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// CommonJS, evaluated by the worker: it loads the compiler by the path the main thread resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { NodeCompiler } = require(workerData.compilerPath);
const compiler = NodeCompiler.create({ workspace: '/book' });
compiler.addSource('/book/main.typ', workerData.source);
for (const [path, bytes] of workerData.files) compiler.mapShadow('/book/' + path, Buffer.from(bytes));
const result = compiler.compile({ mainFilePath: '/book/main.typ' });
const describe = (diagnostics) => (diagnostics ? compiler.fetchDiagnostics(diagnostics) : []).map((d) => String(d.message ?? d)).slice(0, 20);
if (result.hasError()) {
  parentPort.postMessage({ ok: false, errors: describe(result.takeDiagnostics()) });
} else {
  // Copied into memory of our own before it is handed over: the compiler's buffer may be external
  // memory, which Node.js 24 refuses to transfer (DataCloneError).
  const pdf = new Uint8Array(compiler.pdf(result.result, { creationTimestamp: workerData.timestamp }));
  parentPort.postMessage({ ok: true, pdf, warnings: describe(result.takeWarnings()) }, [pdf.buffer]);
}
`;

export class PdfCompileError extends Error {
  constructor(readonly messages: string[]) {
    super(`Typst could not compile the book: ${messages.join('; ')}`);
    this.name = 'PdfCompileError';
  }
}

const compilerPath = () => createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler');

/** The PDF of a Typst document; `timestamp` (seconds) is written as its creation date. */
export function compilePdf(input: { source: string; files: Map<string, Buffer>; timestamp: number; timeoutMs?: number }): Promise<{ pdf: Buffer; warnings: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { compilerPath: compilerPath(), source: input.source, files: [...input.files], timestamp: input.timestamp },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new PdfCompileError([`no answer within ${Math.round((input.timeoutMs ?? 600_000) / 1000)} s`]));
    }, input.timeoutMs ?? 600_000);
    worker.once('message', (message: { ok: true; pdf: Uint8Array; warnings: string[] } | { ok: false; errors: string[] }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.ok) resolve({ pdf: Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength), warnings: message.warnings });
      else reject(new PdfCompileError(message.errors.length ? message.errors : ['unknown error']));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(new PdfCompileError([`${error.name}: ${error.message}`]));
    });
  });
}
