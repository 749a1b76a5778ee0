import { unescapeXml } from './xml-parse.js';

/** The texts of the <Message> elements in a messaging TwiML document (for the dev phone). */
export function parseTwimlMessages(twiml: string): string[] {
  return [...twiml.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)].map((m) => unescapeXml(m[1]!));
}
