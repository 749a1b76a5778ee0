import { el, renderDocument } from './xml.js';

/**
 * Messaging TwiML (also valid TeXML). With no messages it renders `<Response/>`: the webhook is
 * acknowledged and the reply comes later over the REST API.
 */
export function messagingResponse(messages: readonly string[] = []): string {
  return renderDocument(el('Response', undefined, messages.map((text) => el('Message', undefined, [text]))));
}

/** Precomputed: the webhook's common answer costs nothing to render. */
export const EMPTY_RESPONSE = messagingResponse();
