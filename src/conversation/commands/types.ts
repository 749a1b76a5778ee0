import type { Deps } from '../../deps.js';
import type { InboundMessage } from '../inbound.js';
import type { KnownPerson } from '../person-directory.js';

export interface CommandContext {
  deps: Deps;
  person: KnownPerson;
  message: InboundMessage;
  /** The inbound message's id (already stored, status `handled`). */
  messageId: string;
  /** The body normalised for matching: NFKC, trimmed, outer punctuation stripped, upper-cased. */
  keyword: string;
}

/**
 * A keyword command (STOP, HELP, UPGRADE…): answered in the webhook's own TwiML, never by the LLM,
 * never counted against quota. `matches` must be cheap and synchronous: it runs on every message.
 */
export interface Command {
  name: string;
  matches(keyword: string, body: string, person: KnownPerson): boolean;
  run(context: CommandContext): Promise<{ reply: string }>;
}
