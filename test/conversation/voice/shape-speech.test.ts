import { describe, expect, it } from 'vitest';
import { SPEECH_MAX_CHARS, shapeSpeechReply } from '../../../src/conversation/voice/shape-speech.js';

describe('shapeSpeechReply', () => {
  it('removes markdown a voice would read out as symbols', () => {
    expect(shapeSpeechReply('## Tips\n**Drink** water and _rest_.\n`code` too')).toBe('Tips. Drink water and rest. code too');
  });

  it('turns a list into sentences', () => {
    expect(shapeSpeechReply('Try this:\n- drink water\n- rest\n1. sleep early')).toBe('Try this: drink water. rest. sleep early');
  });

  it('says a link by its site name instead of spelling the URL', () => {
    expect(shapeSpeechReply('See https://www.cdc.gov/pregnancy/index.html?x=1 or [the NHS](https://nhs.uk/a).')).toBe('See cdc.gov or the NHS.');
    expect(shapeSpeechReply('Visit www.example.org/path.')).toBe('Visit example.org.');
  });

  it('drops emoji and code blocks', () => {
    expect(shapeSpeechReply('Great 👍🏽 job! 🎉\n```\nrm -rf /\n```\nDone.')).toBe('Great job! Done.');
  });

  it('bounds the length, cutting at a sentence end', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const shaped = shapeSpeechReply(long);
    expect(shaped.length).toBeLessThanOrEqual(SPEECH_MAX_CHARS);
    expect(shaped).toMatch(/here\.$/);
  });

  it('cuts one endless sentence at a word and ends it', () => {
    const shaped = shapeSpeechReply(`${'word '.repeat(200)}end`, 50);
    expect(shaped.length).toBeLessThanOrEqual(51);
    expect(shaped).toMatch(/word\.$/);
  });

  it('can be told not to cut at all (a crisis answer)', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Line ${i}: call 988.`).join(' ');
    expect(shapeSpeechReply(long, Infinity)).toBe(long);
  });

  it('keeps accents and punctuation of other languages', () => {
    expect(shapeSpeechReply('¿Cómo está? Très bien, merci ! Grüße.')).toBe('¿Cómo está? Très bien, merci ! Grüße.');
  });
});
