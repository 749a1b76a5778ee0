import { describe, expect, it } from 'vitest';
import { parseTurnState, voiceUrls } from '../../../src/conversation/voice/turn-state.js';

describe('turn state in URLs', () => {
  const urls = voiceUrls('https://sb.example');

  it('round-trips through the URLs Twilio is given', () => {
    const gather = new URL(urls.gather({ turn: 3, language: 'fr', quiet: true }));
    expect(parseTurnState(Object.fromEntries(gather.searchParams))).toEqual({ turn: 3, language: 'fr', quiet: true, wait: 0 });
    const reply = new URL(urls.reply({ turn: 2, language: 'de', wait: 4 }));
    expect(reply.pathname).toBe('/twilio/voice/reply');
    expect(parseTurnState(Object.fromEntries(reply.searchParams))).toEqual({ turn: 2, language: 'de', quiet: false, wait: 4 });
  });

  it.each([{}, { turn: '0', lang: 'en' }, { turn: '501', lang: 'en' }, { turn: '1', lang: 'it' }, { turn: '1.5', lang: 'en' }, { turn: '1', lang: 'en', wait: '-1' }])(
    'refuses %j with a 400',
    (query) => expect(() => parseTurnState(query as Record<string, string>)).toThrow(expect.objectContaining({ code: 'bad_request' })),
  );
});
