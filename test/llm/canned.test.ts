import { describe, expect, it } from 'vitest';
import { cannedReply, classifyIntent } from '../../src/llm/canned.js';
import { LANGUAGES } from '../../src/util/language.js';

describe('canned replies', () => {
  it.each([
    ['I have bad cramps and some bleeding', 'symptom'],
    ['Tengo fiebre y dolor de cabeza', 'symptom'],
    "J'ai des vertiges depuis ce matin".split('|').concat('symptom'),
    ['Estou com muita dor nas costas', 'symptom'],
    ['Ich habe starke Kopfschmerzen', 'symptom'],
    ['Can I eat sushi?', 'question'],
    ['¿Puedo tomar café', 'question'],
    ['Wie viel Wasser soll ich trinken', 'question'],
    ['Thanks, that helps', 'other'],
    ['Vou dormir agora', 'other'],
  ])('reads "%s" as %s', (text, intent) => {
    expect(classifyIntent(text)).toBe(intent);
  });

  it('has a general and an urgent reply in every language the service speaks', () => {
    for (const language of LANGUAGES) {
      expect(cannedReply('question', language)).not.toBe(cannedReply('symptom', language));
      expect(cannedReply('other', language)).toBe(cannedReply('question', language));
    }
    expect(cannedReply('question', 'en')).toMatch(/try again in a few minutes/);
    expect(cannedReply('symptom', 'en')).toMatch(/urgent.*healthcare provider or emergency services/);
    expect(cannedReply('symptom', 'es')).toMatch(/urgente.*servicios de emergencia/);
    expect(cannedReply('symptom', 'fr')).toMatch(/urgent.*services d'urgence/);
    expect(cannedReply('symptom', 'pt')).toMatch(/urgente.*emergência/);
    expect(cannedReply('symptom', 'de')).toMatch(/dringend.*Notruf/);
  });
});
