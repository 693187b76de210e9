import { describe, expect, it } from 'vitest';
import { readXmlRpcCall, xmlRpcResponse } from './pingback.ts';

describe('XML-RPC', () => {
  it('reads a pingback.ping call with typed or untyped string values', () => {
    expect(readXmlRpcCall('<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>https://a.example/</string></value></param><param><value>https://b.example/</value></param></params></methodCall>')).toEqual({
      method: 'pingback.ping',
      params: ['https://a.example/', 'https://b.example/'],
    });
  });

  it('refuses what is not well-formed or declares entities', () => {
    for (const xml of ['', 'plain text', '<methodCall><methodName>x</methodName>', '<!DOCTYPE lolz [<!ENTITY lol "lol">]><methodCall><methodName>&lol;</methodName></methodCall>', '<other/>']) {
      const call = readXmlRpcCall(xml);
      expect('fault' in call && call.fault.code, xml).toBe(-32700);
    }
  });

  it('writes responses and faults with the text escaped', () => {
    expect(xmlRpcResponse({ ok: 'a < b & c' })).toContain('<string>a &lt; b &amp; c</string>');
    const fault = xmlRpcResponse({ fault: { code: 17, message: '<x>' } });
    expect(fault).toContain('<name>faultCode</name><value><int>17</int></value>');
    expect(fault).toContain('&lt;x&gt;');
  });
});
