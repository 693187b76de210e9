/**
 * Fetching a page of another site (a webmention's source, a link's endpoint), safely: only http(s),
 * at most 5 redirects, 5 s in all, 1 MB read at most, and — unless the setting allows it for tests —
 * never an address on this machine or its private network. Addresses are checked after DNS
 * resolution, at connection time (the resolver's answer is the one connected to, so a name that
 * resolves differently a moment later cannot slip through), and literal IPs before connecting.
 */
import dns, { type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { parseWebUrl } from '../domain/mention-urls.ts';

export const FETCH_TIMEOUT_MS = 5_000;
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface RemoteRequest {
  method?: 'GET' | 'POST';
  /** A form body, sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  accept?: string;
  /** Follow redirects (GET only; a POST answered with a redirect is returned as it is). */
  followRedirects?: boolean;
}

export interface RemoteFetchSettings {
  /** Allow loopback, private and link-local addresses (two local instances in tests). */
  allowPrivateAddresses: boolean;
  userAgent: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface RemoteResponse {
  /** The URL that answered, after redirects. */
  url: URL;
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body was longer than the cap and was cut. */
  truncated: boolean;
}

/** The address is one we never fetch (loopback, private, link-local, reserved…). */
export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(host: string) {
    super(`refused to fetch ${host}: not a public address`);
    this.name = 'ForbiddenAddressError';
  }
}

/** The remote site could not be read (timeout, network, too many redirects, not a web URL). */
export class RemoteFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteFetchError';
  }
}

/** Public unicast only; an IPv4-mapped IPv6 address is judged as the IPv4 address it carries. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      const list = (addresses ?? []) as unknown as LookupAddress[];
      const refuse = (e: Error) => (options.all ? (callback as (e: Error, a: LookupAddress[]) => void)(e, []) : callback(e, '', 4));
      if (error) return refuse(error);
      if (list.length === 0) return refuse(new RemoteFetchError(`${hostname} has no address`));
      if (!allowPrivate && list.some((a) => !isPublicAddress(a.address))) return refuse(new ForbiddenAddressError(hostname));
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function requestOnce(url: URL, request: RemoteRequest, settings: RemoteFetchSettings, deadline: number): Promise<RemoteResponse & { location: string | undefined }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !settings.allowPrivateAddresses && !isPublicAddress(host)) return Promise.reject(new ForbiddenAddressError(host));
  const maxBytes = settings.maxBytes ?? MAX_BODY_BYTES;
  const body = request.form ? new URLSearchParams(request.form).toString() : undefined;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new RemoteFetchError(`timed out fetching ${url.host}`));
    const req = client.request(url, {
      method: request.method ?? 'GET',
      agent: false,
      lookup: guardedLookup(settings.allowPrivateAddresses),
      headers: {
        'user-agent': settings.userAgent,
        accept: request.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        'accept-encoding': 'identity',
        ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}),
      },
    });
    const timer = setTimeout(() => req.destroy(new RemoteFetchError(`timed out fetching ${url.host}`)), remaining);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error instanceof ForbiddenAddressError || error instanceof RemoteFetchError ? error : new RemoteFetchError(`${url.host}: ${error.message}`));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () => {
        clearTimeout(timer);
        resolve({ url, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), truncated, location: res.headers.location });
      };
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        const room = maxBytes - size;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          size = maxBytes;
          truncated = true;
          // Nothing more is read: the connection is dropped, whatever the sender still has.
          res.destroy();
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        if (!truncated) finish();
      });
      res.on('error', (error) => {
        if (!truncated) fail(error);
      });
    });
    req.end(body);
  });
}

/** Fetches `url` within the limits above; rejects with ForbiddenAddressError or RemoteFetchError. */
export async function fetchRemote(url: URL, request: RemoteRequest, settings: RemoteFetchSettings): Promise<RemoteResponse> {
  const deadline = Date.now() + (settings.timeoutMs ?? FETCH_TIMEOUT_MS);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const { location, ...response } = await requestOnce(current, request, settings, deadline);
    const redirected = [301, 302, 303, 307, 308].includes(response.status) && location !== undefined;
    if (!redirected || request.followRedirects === false || (request.method ?? 'GET') !== 'GET') return response;
    if (redirects >= MAX_REDIRECTS) throw new RemoteFetchError(`more than ${MAX_REDIRECTS} redirects from ${url.host}`);
    let next: URL | null = null;
    try {
      next = parseWebUrl(new URL(location, current).href);
    } catch {
      next = null;
    }
    if (!next) throw new RemoteFetchError(`${current.host} redirects to something that is not a web page`);
    current = next;
  }
}
