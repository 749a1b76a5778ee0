import { describe, expect, it } from 'vitest';
import { walkCall, type WebhookAnswer } from '../../src/dev/twiml-walker.js';
import { parseXml } from '../../src/dev/xml-parse.js';

const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
const ok = (body: string): WebhookAnswer => ({ status: 200, contentType: 'text/xml; charset=utf-8', body });

/** A transport answering each URL from a table, recording what was posted. */
function scripted(pages: Record<string, WebhookAnswer>) {
  const posts: { url: string; params: Record<string, string> }[] = [];
  return {
    posts,
    transport: async (url: string, params: Record<string, string>) => {
      posts.push({ url, params });
      return pages[url] ?? { status: 404, contentType: 'text/plain', body: 'nope' };
    },
  };
}
const caller = (lines: (string | null)[]) => ({ hear: () => undefined, speak: () => (lines.length ? lines.shift()! : null) });
const call = { CallSid: 'CA1', From: '+15555550100', To: '+15550001111' };

describe('TwiML walker', () => {
  it('parses TwiML with attributes, entities and nesting', () => {
    const root = parseXml(doc('<Gather action="/g?a=1&amp;b=2"><Say voice="v">Tom &amp; Jerry</Say></Gather><Hangup/>'));
    expect(root).toEqual({
      name: 'Response',
      attributes: {},
      children: [
        { name: 'Gather', attributes: { action: '/g?a=1&b=2' }, children: [{ name: 'Say', attributes: { voice: 'v' }, children: ['Tom & Jerry'] }] },
        { name: 'Hangup', attributes: {}, children: [] },
      ],
    });
    expect(() => parseXml('<Response><Say></Response>')).toThrow();
  });

  it('follows gathers and relative redirects, posting speech like Twilio, and stops on <Hangup/>', async () => {
    const t = scripted({
      'https://x.test/voice': ok(doc('<Gather input="speech" action="/gather?turn=1"><Say>Hi</Say></Gather>')),
      'https://x.test/gather?turn=1': ok(doc('<Say>Wait</Say><Redirect>later</Redirect>')),
      'https://x.test/later': ok(doc('<Play>https://x.test/a.mp3</Play><Say>Bye</Say><Hangup/><Say>never</Say>')),
    });
    const result = await walkCall({ url: 'https://x.test/voice', call, transport: t.transport, caller: caller(['hello']) });
    expect(result.ended).toBe('hangup');
    expect(result.heard.map((h) => ('text' in h ? h.text : 'url' in h ? h.url : h.kind))).toEqual(['Hi', 'Wait', 'https://x.test/a.mp3', 'Bye']);
    expect(t.posts.map((p) => [p.url, p.params.CallStatus, p.params.SpeechResult])).toEqual([
      ['https://x.test/voice', 'ringing', undefined],
      ['https://x.test/gather?turn=1', 'in-progress', 'hello'],
      ['https://x.test/later', 'in-progress', undefined],
    ]);
  });

  it('moves past a <Gather> on silence unless actionOnEmptyResult is set, and ends at the end of the document', async () => {
    const t = scripted({ 'https://x.test/voice': ok(doc('<Gather action="/g"><Say>Hi</Say></Gather><Say>Nothing heard</Say>')) });
    const result = await walkCall({ url: 'https://x.test/voice', call, transport: t.transport, caller: caller(['']) });
    expect(result.ended).toBe('end_of_document');
    expect(result.heard.at(-1)).toMatchObject({ text: 'Nothing heard' });
  });

  it('ends the call like Twilio on an error answer, and reports the final status', async () => {
    const t = scripted({ 'https://x.test/voice': ok(doc('<Redirect>/missing</Redirect>')), 'https://x.test/status': ok(doc('')) });
    const result = await walkCall({ url: 'https://x.test/voice', call, transport: t.transport, caller: caller([]), statusCallbackUrl: 'https://x.test/status' });
    expect(result.ended).toBe('webhook_error');
    expect(t.posts.at(-1)).toMatchObject({ url: 'https://x.test/status', params: { CallStatus: 'completed', CallSid: 'CA1' } });
  });

  it('stops when the caller hangs up', async () => {
    const t = scripted({ 'https://x.test/voice': ok(doc('<Gather action="/g" actionOnEmptyResult="true"><Say>Hi</Say></Gather>')) });
    expect((await walkCall({ url: 'https://x.test/voice', call, transport: t.transport, caller: caller([null]) })).ended).toBe('caller_hung_up');
  });
});
