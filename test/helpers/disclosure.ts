import { AI_DISCLOSURE } from '../../src/safety/disclosure.js';

/** A first reply as the person receives it: the AI disclosure, a blank line, then the answer. */
export const disclosed = (text: string, language: keyof typeof AI_DISCLOSURE = 'en') => `${AI_DISCLOSURE[language]}\n\n${text}`;
