import { describe, expect, it } from 'vitest';
import { detectLanguage, resolveLanguage } from '../../src/util/language.js';

describe('language', () => {
  it('detects the five languages from short messages', () => {
    expect(detectLanguage('What is the best thing to eat when I am pregnant?')).toBe('en');
    expect(detectLanguage('Hola, estoy embarazada y tengo mucho dolor')).toBe('es');
    expect(detectLanguage("Bonjour, je suis enceinte et j'ai mal")).toBe('fr');
    expect(detectLanguage('Olá, estou grávida e tenho muita dor')).toBe('pt');
    expect(detectLanguage('Hallo, ich bin schwanger und habe Schmerzen')).toBe('de');
  });

  it('does not guess from too little', () => {
    expect(detectLanguage('STOP')).toBeUndefined();
    expect(detectLanguage('👍')).toBeUndefined();
  });

  it('prefers what was written, then the saved locale, then the country, then English', () => {
    expect(resolveLanguage({ text: 'hola, tengo una pregunta', locale: 'en', country: 'US' })).toBe('es');
    expect(resolveLanguage({ text: 'ok', locale: 'fr-FR', country: 'US' })).toBe('fr');
    expect(resolveLanguage({ country: 'BR' })).toBe('pt');
    expect(resolveLanguage({ country: 'JP' })).toBe('en');
  });
});
