import { randomUUID } from 'node:crypto';
import type { Log } from '../log.js';
import type { MessagingProvider } from './types.js';

/**
 * The provider used when no Twilio credentials are set. Outbound messages are already stored (sealed)
 * by the reply step; this marks them delivered and says so in the log. `npm run phone` shows their text
 * by reading them back through the dev-only /dev/phone route.
 */
export function createConsoleProvider(log: Log): MessagingProvider {
  return {
    name: 'console',
    async sendSms(message) {
      const providerMessageId = `CONSOLE${randomUUID().replaceAll('-', '')}`;
      log.info({ provider: 'console', providerMessageId, chars: message.body.length }, 'console provider: outbound SMS stored (see it with npm run phone)');
      return { providerMessageId, status: 'delivered' };
    },
    // The console provider answers synchronously and in-process: there is never an unknown outcome to reconcile.
    async findSent() {
      return undefined;
    },
  };
}
