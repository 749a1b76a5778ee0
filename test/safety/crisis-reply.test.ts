import { describe, expect, it } from 'vitest';
import { composeCrisisReply } from '../../src/safety/crisis-reply.js';
import { foldText } from '../../src/safety/fold-text.js';

describe('composeCrisisReply', () => {
  it.each([
    ['US', 'en', ['988', 'HOME to 741741', '911']],
    ['CA', 'en', ['988', '911']],
    ['GB', 'en', ['116 123', '999']],
    ['ES', 'es', ['024', '112']],
    ['FR', 'fr', ['3114', '112']],
    ['DE', 'de', ['0800 111 0 111', '112']],
    ['MX', 'es', ['800 911 2000', '911']],
    ['BR', 'pt', ['188', '192']],
  ] as const)('gives a caller from %s the right lines, in %s', (country, language, numbers) => {
    const { text } = composeCrisisReply({ category: 'suicide', language, country, channel: 'sms' });
    for (const number of numbers) expect(text).toContain(number);
  });

  it('falls back to local emergency services for a country with no known line', () => {
    expect(composeCrisisReply({ category: 'suicide', language: 'en', country: null, channel: 'sms' }).text).toContain('your local emergency number');
    expect(composeCrisisReply({ category: 'suicide', language: 'en', country: 'PT', channel: 'sms' }).text).toContain('call 112');
  });

  it('sends a medical emergency to the emergency number, not to a crisis line, and never bridges a call for it', () => {
    const reply = composeCrisisReply({ category: 'medical', language: 'en', country: 'US', channel: 'voice' });
    expect(reply.text).toContain('Call 911 now');
    expect(reply.text).not.toContain('988');
    expect(reply.dial).toBeUndefined();
  });

  it('offers a voice caller a bridge to a dialable hotline, and SMS never gets one', () => {
    expect(composeCrisisReply({ category: 'suicide', language: 'en', country: 'US', channel: 'voice' })).toMatchObject({ dial: '+18002738255', text: expect.stringContaining('Stay on the line') });
    expect(composeCrisisReply({ category: 'suicide', language: 'en', country: 'US', channel: 'sms' }).dial).toBeUndefined();
    // 024 is a short code a VoIP carrier cannot reach: the caller is told the number instead.
    expect(composeCrisisReply({ category: 'suicide', language: 'es', country: 'ES', channel: 'voice' }).dial).toBeUndefined();
  });
});

describe('foldText', () => {
  it.each([
    ['K1ll MYS3LF', ' kil myself '],
    ['ｋｉｌｌ', ' kil '],
    ['s-u-i-c-i-d-e', ' suicide '],
    ['k.i.l.l', ' kil '],
    ['Überdosis', ' uberdosis '],
    ['call 988 now!', ' cal 988 now '],
    ['30 pills', ' 30 pils '],
    ["don't", ' dont '],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
