// The door: check tickets in from a phone. Progressive enhancement of the check-in page:
// without JavaScript the form posts and the page comes back with the verdict.
//
// With JavaScript: codes (typed or read by the camera) are checked with fetch and the verdict is
// drawn in place; the counts stay in sync across the phones at the door by polling.
//
// The QR decoder is ZXing's (the same QRCodeReader that @zxing/browser wraps), imported module by
// module: @zxing/browser pulls in the library's index (every barcode format, the encoders…), about
// 480 kB minified, where the QR reader alone is under 80 kB. The camera loop is written here.
// Their typings are CommonJS-flavoured while the es2015 files are ES modules, so TypeScript and
// esbuild disagree on what `default` is: the types come from the library's index (type-only
// imports cost nothing), the classes from each module's `default` export.
import type { BinaryBitmap as BinaryBitmapClass, HybridBinarizer as HybridBinarizerClass, QRCodeReader as QRCodeReaderClass, RGBLuminanceSource as RGBLuminanceSourceClass } from '@zxing/library';
import * as BinaryBitmapModule from '@zxing/library/es2015/core/BinaryBitmap.js';
import * as HybridBinarizerModule from '@zxing/library/es2015/core/common/HybridBinarizer.js';
import * as QRCodeReaderModule from '@zxing/library/es2015/core/qrcode/QRCodeReader.js';
import * as RGBLuminanceSourceModule from '@zxing/library/es2015/core/RGBLuminanceSource.js';

const BinaryBitmap = (BinaryBitmapModule as unknown as { default: typeof BinaryBitmapClass }).default;
const HybridBinarizer = (HybridBinarizerModule as unknown as { default: typeof HybridBinarizerClass }).default;
const QRCodeReader = (QRCodeReaderModule as unknown as { default: typeof QRCodeReaderClass }).default;
const RGBLuminanceSource = (RGBLuminanceSourceModule as unknown as { default: typeof RGBLuminanceSourceClass }).default;

type Counts = Partial<Record<'registered' | 'checkedIn' | 'contributors' | 'contributorsIn', number>>;
type Verdict = {
  status: 'valid' | 'already' | 'cancelled' | 'unknown';
  name?: string;
  typeName?: string;
  checkedInAt?: string;
  contributor?: boolean;
  counts?: Counts;
  message?: string;
};

const POLL_MS = 10_000;
const SAME_CODE_MS = 3_000;
const SCAN_EVERY_MS = 150;
const MAX_FRAME_SIDE = 800;

function setUp(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('.checkin-form');
  const input = form?.querySelector<HTMLInputElement>('input[name="code"]');
  const resultBox = root.querySelector<HTMLElement>('.checkin-result');
  if (!form || !input || !resultBox) return;
  const text = strings(root);

  // ---- Checking a code -------------------------------------------------------------------------
  let queue: Promise<void> = Promise.resolve();
  const check = (code: string, typed: boolean): Promise<void> => (queue = queue.then(() => send(code, typed)));

  async function send(code: string, typed: boolean): Promise<void> {
    const body = new URLSearchParams();
    new FormData(form!).forEach((value, key) => {
      if (typeof value === 'string') body.append(key, value);
    });
    body.set('code', code);
    root.setAttribute('aria-busy', 'true');
    let verdict: Verdict | undefined;
    let failure = text.networkError;
    try {
      const response = await fetch(form!.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        credentials: 'same-origin',
        cache: 'no-store',
      });
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && type.includes('application/json')) verdict = (await response.json()) as Verdict;
      else failure = text.serverError; // expired session or CSRF token (403), too many requests (429)…
    } catch {
      failure = text.networkError;
    } finally {
      root.removeAttribute('aria-busy');
    }
    if (!verdict || !isStatus(verdict.status)) {
      showNotice(failure);
      input!.value = code; // keep it, so one tap on "Check" retries
      if (typed) input!.focus();
      return;
    }
    showVerdict(verdict);
    if (verdict.counts) updateCounts(root, verdict.counts);
    if (verdict.status === 'valid' && typeof navigator.vibrate === 'function') navigator.vibrate(150);
    if (typed) {
      input!.value = '';
      input!.focus();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.trim();
    if (!code) {
      input.focus();
      return;
    }
    void check(code, true);
  });

  function showVerdict(v: Verdict): void {
    const block = element('div', `checkin-verdict verdict-${v.status}`);
    block.append(element('p', 'verdict-title', v.message || text.status[v.status]));
    if (v.name) {
      let who = v.typeName ? `${v.name} — ${v.typeName}` : v.name;
      if (v.contributor) who += ` · ${text.contributor}`;
      block.append(element('p', 'verdict-name', who));
    }
    if (v.status === 'already' && v.checkedInAt) block.append(element('p', 'verdict-when', text.alreadyAt.replace('{at}', formatTime(v.checkedInAt, text.lang))));
    resultBox!.replaceChildren(block);
    resultBox!.scrollIntoView({ block: 'nearest' });
  }

  function showNotice(message: string): void {
    resultBox!.replaceChildren(element('p', 'checkin-verdict verdict-error', message));
    resultBox!.scrollIntoView({ block: 'nearest' });
  }

  // ---- Live counts -----------------------------------------------------------------------------
  const countsUrl = root.dataset.countsUrl;
  if (countsUrl) {
    let timer: number | undefined;
    const poll = async (): Promise<void> => {
      try {
        const response = await fetch(countsUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
        if (response.ok && (response.headers.get('content-type') ?? '').includes('application/json')) updateCounts(root, (await response.json()) as Counts);
      } catch {
        // Offline for a moment: the next round will catch up.
      }
    };
    const start = (): void => {
      if (timer === undefined) timer = window.setInterval(() => void poll(), POLL_MS);
    };
    const stop = (): void => {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
    };
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) stop();
      else {
        void poll();
        start();
      }
    });
    if (!document.hidden) start();
  }

  // ---- The camera ------------------------------------------------------------------------------
  const scanner = root.querySelector<HTMLElement>('.checkin-scanner');
  const video = scanner?.querySelector<HTMLVideoElement>('.checkin-video');
  const startButton = root.querySelector<HTMLButtonElement>('.checkin-start');
  const stopButton = root.querySelector<HTMLButtonElement>('.checkin-stop');
  if (!scanner || !video || !startButton || !stopButton || typeof navigator.mediaDevices?.getUserMedia !== 'function') return;

  let camera: { stop: () => void } | undefined;
  let lastCode = '';
  let lastSeen = 0;
  const onCode = (code: string): void => {
    const now = Date.now();
    // A code held in front of the camera is read many times a second: it is sent once, and again
    // only after it has been out of sight for 3 s (then the door hears "already checked in").
    const same = code === lastCode && now - lastSeen < SAME_CODE_MS;
    lastCode = code;
    lastSeen = now;
    if (!same) void check(code, false);
  };

  const stopCamera = (): void => {
    camera?.stop();
    camera = undefined;
    scanner.hidden = true;
    startButton.hidden = false;
  };
  startButton.addEventListener('click', async () => {
    if (camera) return;
    startButton.hidden = true;
    scanner.hidden = false;
    try {
      camera = await startCamera(video, onCode);
      stopButton.focus();
    } catch {
      stopCamera();
      showNotice(text.cameraUnavailable);
    }
  });
  stopButton.addEventListener('click', () => {
    stopCamera();
    startButton.focus();
  });
  // Hand the camera back when the phone sleeps or the page goes away.
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && camera) stopCamera();
  });
  window.addEventListener('pagehide', () => camera?.stop());
  startButton.hidden = false;
}

/** Opens the back camera (any camera if there is none) and reads QR codes from it until stopped. */
async function startCamera(video: HTMLVideoElement, onCode: (code: string) => void): Promise<{ stop: () => void }> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
  let stopped = false;
  let timer: number | undefined;
  const stop = (): void => {
    stopped = true;
    if (timer !== undefined) window.clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.pause();
    video.srcObject = null;
  };
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
  } catch (error) {
    stop();
    throw error;
  }

  const reader = new QRCodeReader();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) {
    stop();
    throw new Error('no 2d canvas');
  }
  const tick = (): void => {
    if (stopped) return;
    const code = decodeFrame(video, canvas, context, reader);
    if (code) onCode(code);
    timer = window.setTimeout(tick, SCAN_EVERY_MS);
  };
  tick();
  return { stop };
}

function decodeFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, context: CanvasRenderingContext2D, reader: QRCodeReaderClass): string | undefined {
  const { videoWidth, videoHeight } = video;
  if (!videoWidth || !videoHeight || video.readyState < video.HAVE_CURRENT_DATA) return undefined;
  const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(videoWidth, videoHeight));
  const width = Math.round(videoWidth * scale);
  const height = Math.round(videoHeight * scale);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  context.drawImage(video, 0, 0, width, height);
  const rgba = context.getImageData(0, 0, width, height).data;
  const luminances = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < luminances.length; i += 1, p += 4) {
    // Green-weighted average, as ZXing does.
    luminances[i] = (rgba[p]! + 2 * rgba[p + 1]! + rgba[p + 2]!) >> 2;
  }
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminances, width, height)));
    return reader.decode(bitmap).getText();
  } catch {
    return undefined; // no QR code in this frame (NotFound, Checksum, Format…)
  } finally {
    reader.reset();
  }
}

// ---- Helpers -----------------------------------------------------------------------------------

function updateCounts(root: HTMLElement, counts: Counts): void {
  for (const [key, value] of Object.entries(counts)) {
    if (typeof value !== 'number') continue;
    const span = root.querySelector<HTMLElement>(`[data-count="${key}"]`);
    if (span && span.textContent !== String(value)) span.textContent = String(value);
  }
}

function isStatus(status: unknown): status is Verdict['status'] {
  return status === 'valid' || status === 'already' || status === 'cancelled' || status === 'unknown';
}

function element(tag: 'div' | 'p', className: string, content?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

/** Same format as the server's formatDateTime (Paris time), so both verdicts read alike. */
function formatTime(iso: string, lang: 'fr' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date);
}

/** Texts come translated from the page's data attributes; the fallbacks cover an older page. */
function strings(root: HTMLElement) {
  const lang: 'fr' | 'en' = (document.documentElement.lang || 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr';
  const fallback = FALLBACK[lang];
  const d = root.dataset;
  return {
    lang,
    cameraUnavailable: d.cameraUnavailable || fallback.cameraUnavailable,
    networkError: d.networkError || fallback.networkError,
    serverError: d.serverError || fallback.serverError,
    contributor: d.contributorLabel || fallback.contributor,
    alreadyAt: d.alreadyAt || fallback.alreadyAt,
    status: fallback.status,
  };
}

const FALLBACK = {
  fr: {
    cameraUnavailable: 'Caméra indisponible : saisissez le code.',
    networkError: 'Pas de réseau : le billet n’a pas été vérifié. Réessayez.',
    serverError: 'Le serveur a refusé la vérification (session expirée ?). Rechargez la page.',
    contributor: 'contributeur·rice',
    alreadyAt: 'Déjà entré·e à {at}.',
    status: { valid: 'Billet valide : bienvenue !', already: 'Déjà enregistré', cancelled: 'Billet annulé', unknown: 'Billet inconnu' },
  },
  en: {
    cameraUnavailable: 'Camera unavailable: type the code.',
    networkError: 'No network: the ticket was not checked. Try again.',
    serverError: 'The server refused the check (session expired?). Reload the page.',
    contributor: 'contributor',
    alreadyAt: 'Already checked in at {at}.',
    status: { valid: 'Valid ticket: welcome!', already: 'Already checked in', cancelled: 'Cancelled ticket', unknown: 'Unknown ticket' },
  },
} as const;

// Last, once every constant above is initialised.
const checkinRoot = document.querySelector<HTMLElement>('.checkin');
if (checkinRoot) setUp(checkinRoot);
