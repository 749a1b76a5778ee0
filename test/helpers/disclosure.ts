import { shapeSmsReply } from '../../src/conversation/shape-sms.js';
import { AI_DISCLOSURE } from '../../src/safety/disclosure.js';
import { detectLanguage } from '../../src/util/language.js';

/**
 * A first SMS reply as the person receives it: the AI disclosure in their language on its own line, then
 * the answer, shaped for SMS in the answer's language (as the reply job does).
 */
export const disclosed = (answer: string, language: keyof typeof AI_DISCLOSURE = 'en') =>
  shapeSmsReply(`${AI_DISCLOSURE[language]}\n${answer}`, { language: detectLanguage(answer) ?? language });
