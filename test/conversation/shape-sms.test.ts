import { describe, expect, it } from 'vitest';
import { SMS_MAX_CHARS, shapeSmsReply, smsCharBudget } from '../../src/conversation/shape-sms.js';
import { countSegments } from '../../src/conversation/sms-encoding.js';

const sentences = (n: number, lang: 'en' | 'es' = 'en') =>
  Array.from({ length: n }, (_, i) => (lang === 'en' ? `Sentence ${i} is about eating well today.` : `La frase ${i} está aquí para ti.`)).join(' ');

describe('shapeSmsReply', () => {
  it('turns curly quotes, dashes, ellipses and odd spaces into GSM-7 and drops emoji', () => {
    const shaped = shapeSmsReply('That’s “great” — really… 😊\u00A0Stay well 👍🏽!', { language: 'en' });
    expect(shaped).toBe('That\'s "great" - really... Stay well!');
    expect(countSegments(shaped).encoding).toBe('GSM-7');
  });

  it('keeps the accents Spanish, French and Portuguese need, normalising only typography', () => {
    expect(shapeSmsReply('¡Sí! Está “bien” — ¿no?', { language: 'es' })).toBe('¡Sí! Está "bien" - ¿no?');
    expect(shapeSmsReply('Ça va très bien…', { language: 'fr' })).toBe('Ça va très bien...');
    expect(shapeSmsReply('Não coma peixe cru.', { language: 'pt' })).toBe('Não coma peixe cru.');
  });

  it('strips stray accents GSM-7 lacks in English and German, keeping the ones it has', () => {
    const shaped = shapeSmsReply('A naïve café résumé, Grüße aus Köln.', { language: 'en' });
    expect(shaped).toBe('A naive café résumé, Grüße aus Köln.');
    expect(countSegments(shaped).encoding).toBe('GSM-7');
  });

  it('strips accents in every language when GSM-7 is forced', () => {
    expect(shapeSmsReply('Está bien, não é?', { language: 'es', forceGsm: true })).toBe('Esta bien, nao é?');
  });

  it('removes markdown: bold, headings, bullets, code and links', () => {
    expect(shapeSmsReply('## Tips\n**Eat** *well*:\n* fruit\n* `water`\nSee [WHO](https://who.int).')).toBe(
      'Tips\nEat well:\n- fruit\n- water\nSee WHO (https://who.int).',
    );
  });

  it('cuts a long answer at the last sentence that fits the segment budget', () => {
    const shaped = shapeSmsReply(sentences(40), { maxSegments: 3 });
    expect(countSegments(shaped).segments).toBe(3);
    expect(shaped).toMatch(/today\.$/);
    expect(shaped.length).toBeGreaterThan(400);
  });

  it('honours a different segment budget', () => {
    expect(countSegments(shapeSmsReply(sentences(40), { maxSegments: 1 })).segments).toBe(1);
    expect(countSegments(shapeSmsReply(sentences(40), { maxSegments: 5 })).segments).toBe(5);
  });

  it('budgets a UCS-2 answer in UCS-2 segments', () => {
    const shaped = shapeSmsReply(sentences(30, 'es'), { maxSegments: 3, language: 'es' });
    expect(countSegments(shaped)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(shaped).toMatch(/para ti\.$/);
  });

  it('cuts one endless sentence at a word and marks the cut', () => {
    const shaped = shapeSmsReply('word '.repeat(400), { maxSegments: 2 });
    expect(shaped).toMatch(/word\.\.\.$/);
    expect(countSegments(shaped).segments).toBe(2);
  });

  it('prefers a word cut when the only sentence end that fits would throw most of the answer away', () => {
    const shaped = shapeSmsReply(`Yes. ${'and then more '.repeat(100)}`, { maxSegments: 2 });
    expect(shaped.length).toBeGreaterThan(250);
    expect(shaped.endsWith('...')).toBe(true);
  });

  it('does not end a cut on a list number or an abbreviation', () => {
    const list = `Here is the plan:\n1. ${'Rest a lot and drink water often. '.repeat(3)}\n2. ${'x'.repeat(300)}`;
    expect(shapeSmsReply(list, { maxSegments: 2 })).not.toMatch(/\d\.$/);
  });

  it('never exceeds the provider cap, whatever the budget', () => {
    expect(shapeSmsReply(sentences(200), { maxSegments: 10 }).length).toBeLessThanOrEqual(SMS_MAX_CHARS);
  });

  it('keeps an emoji-only answer rather than sending nothing', () => {
    expect(shapeSmsReply('👍')).toBe('👍');
  });

  it('leaves a short plain answer unchanged', () => {
    expect(shapeSmsReply('Drink water and rest.')).toBe('Drink water and rest.');
  });
});

describe('smsCharBudget', () => {
  it('gives GSM-7 capacity to English and UCS-2 capacity to Spanish unless GSM-7 is forced', () => {
    expect(smsCharBudget(3, 'en')).toBe(459);
    expect(smsCharBudget(1, 'de')).toBe(160);
    expect(smsCharBudget(3, 'es')).toBe(201);
    expect(smsCharBudget(3, 'es', true)).toBe(459);
  });
});
