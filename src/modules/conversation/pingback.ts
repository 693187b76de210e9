/**
 * Pingback 1.0 over XML-RPC: reading a `pingback.ping(sourceURI, targetURI)` call and answering
 * with a string or one of the specification's fault codes. The mention itself is received and
 * verified exactly like a webmention (receiveMention, then the outbox); what can be refused without
 * fetching the source is refused here with its standard fault.
 */
import type * as FastXmlParser from 'fast-xml-parser';
import { lazyModule } from '../../shared/lazy-module.ts';

/** The XML parser, loaded at the first pingback rather than by every instance. */
const fastXmlParser = lazyModule<typeof FastXmlParser>('fast-xml-parser');
import type { CommandContext } from '../../shared/command.ts';
import { receiveMention } from './commands/receive-mention.ts';
import { MentionRefusedError, type MentionRefusal } from './errors.ts';

/** The fault codes of the Pingback 1.0 specification, and XML-RPC's own for malformed calls. */
export const PINGBACK_FAULTS = {
  generic: 0,
  sourceNotFound: 16,
  sourceWithoutLink: 17,
  targetNotFound: 32,
  targetNotPingable: 33,
  alreadyRegistered: 48,
  accessDenied: 49,
  upstreamError: 50,
  parseError: -32700,
  methodNotFound: -32601,
  invalidParams: -32602,
} as const;

const faultOfRefusal: Record<MentionRefusal, { code: number; message: string }> = {
  source_invalid: { code: PINGBACK_FAULTS.sourceNotFound, message: 'The source URI does not exist.' },
  target_invalid: { code: PINGBACK_FAULTS.targetNotFound, message: 'The specified target URI does not exist.' },
  target_not_found: { code: PINGBACK_FAULTS.targetNotFound, message: 'The specified target URI does not exist.' },
  target_not_piece: { code: PINGBACK_FAULTS.targetNotPingable, message: 'The specified target URI cannot be used as a target.' },
  same_url: { code: PINGBACK_FAULTS.generic, message: 'The source and the target are the same page.' },
  already_registered: { code: PINGBACK_FAULTS.alreadyRegistered, message: 'The pingback has already been registered.' },
};

export type XmlRpcAnswer = { ok: string } | { fault: { code: number; message: string } };

let parser: FastXmlParser.XMLParser | undefined;
const xmlParser = () => (parser ??= new (fastXmlParser().XMLParser)({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false }));

function stringValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'string' in value && typeof value.string === 'string') return value.string;
  return null;
}

/** The method name and string parameters of an XML-RPC call, or the fault to answer. */
export function readXmlRpcCall(xml: string): { method: string; params: (string | null)[] } | { fault: { code: number; message: string } } {
  // No document type: nothing to declare entities with (no expansion bombs, no external entities).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { fault: { code: PINGBACK_FAULTS.parseError, message: 'Parse error: document type declarations are not accepted.' } };
  if (fastXmlParser().XMLValidator.validate(xml) !== true) return { fault: { code: PINGBACK_FAULTS.parseError, message: 'Parse error: not well formed.' } };
  let doc: { methodCall?: { methodName?: unknown; params?: { param?: unknown } } };
  try {
    doc = xmlParser().parse(xml) as typeof doc;
  } catch {
    return { fault: { code: PINGBACK_FAULTS.parseError, message: 'Parse error: not well formed.' } };
  }
  const call = doc.methodCall;
  if (!call || typeof call.methodName !== 'string') return { fault: { code: PINGBACK_FAULTS.parseError, message: 'Parse error: no methodCall.' } };
  const raw = call.params?.param;
  const params = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((p) => stringValue((p as { value?: unknown } | null)?.value));
  return { method: call.methodName, params };
}

/** Answers a pingback.ping call: the mention is queued for verification, or refused with its fault. */
export async function answerPingback(ctx: CommandContext, xml: string, baseUrl: string): Promise<XmlRpcAnswer> {
  const call = readXmlRpcCall(xml);
  if ('fault' in call) return call;
  if (call.method !== 'pingback.ping') return { fault: { code: PINGBACK_FAULTS.methodNotFound, message: `Method ${call.method.slice(0, 60)} not found.` } };
  const [source, target] = call.params;
  if (call.params.length !== 2 || !source || !target) return { fault: { code: PINGBACK_FAULTS.invalidParams, message: 'pingback.ping takes two strings: sourceURI and targetURI.' } };
  try {
    await receiveMention(ctx, { source, target, protocol: 'pingback', baseUrl });
  } catch (error) {
    if (error instanceof MentionRefusedError) return { fault: faultOfRefusal[error.reason] };
    throw error;
  }
  return { ok: 'Pingback received: the source will be checked shortly.' };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The XML-RPC methodResponse for an answer. */
export function xmlRpcResponse(answer: XmlRpcAnswer): string {
  const body =
    'ok' in answer
      ? `<params><param><value><string>${escapeXml(answer.ok)}</string></value></param></params>`
      : `<fault><value><struct><member><name>faultCode</name><value><int>${answer.fault.code}</int></value></member><member><name>faultString</name><value><string>${escapeXml(answer.fault.message)}</string></value></member></struct></value></fault>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse>${body}</methodResponse>\n`;
}
