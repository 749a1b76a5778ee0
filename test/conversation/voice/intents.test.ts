import { describe, expect, it } from 'vitest';
import { isGoodbye, requestedLanguage } from '../../../src/conversation/voice/intents.js';

describe('call intents', () => {
  it.each(['Goodbye', 'bye', 'Bye bye!', 'Okay, thank you, bye.', 'good bye', 'Adiós', 'gracias, adiós', 'hasta luego', 'Au revoir !', 'merci, au revoir', 'Tchau', 'obrigada, tchau', 'até logo', 'Tschüss', 'danke, auf Wiederhören', 'auf Wiedersehen', "that's all, bye", 'Stop.', 'ok stop', 'basta'])(
    'hears "%s" as the end of the call',
    (speech) => expect(isGoodbye(speech)).toBe(true),
  );

  it.each(['How do I say goodbye to my mother?', 'bye the way, I have a question', 'thank you', 'okay', 'au', 'hasta mañana es mi cita', 'Auf welcher Seite?', ''])(
    'does not hear "%s" as the end of the call',
    (speech) => expect(isGoodbye(speech)).toBe(false),
  );

  it.each([
    ['en español, por favor', 'es'],
    ['Español', 'es'],
    ['Can you speak Spanish please?', 'es'],
    ['en français', 'fr'],
    ['je veux parler français', 'fr'],
    ['em português', 'pt'],
    ['Portuguese, please', 'pt'],
    ['auf Deutsch bitte', 'de'],
    ['können Sie Deutsch sprechen', 'de'],
    ['in English', 'en'],
    ['hablame en inglés', 'en'],
  ] as const)('hears "%s" as a request for %s', (speech, language) => expect(requestedLanguage(speech)).toBe(language));

  it.each(['English is my second language', 'I am learning French at school', 'How do you say hello in German and Spanish?', 'hello', ''])(
    'does not hear "%s" as a language request',
    (speech) => expect(requestedLanguage(speech)).toBeUndefined(),
  );
});
