import { Hono } from 'hono';
import { z } from 'zod';
import { recordDeliveryStatus } from '../conversation/delivery-status.js';
import { handleInboundMessage } from '../conversation/inbound.js';
import type { Deps } from '../deps.js';
import { fromTwilioStatus } from '../providers/twilio.js';
import { parseTwilioSms, parseTwilioStatusCallback } from '../providers/twilio-inbound.js';
import { EMPTY_RESPONSE, messagingResponse } from '../../twiml/messaging.js';
import type { AppEnv } from './env.js';
import { xml } from './errors.js';
import { readSignedTwilioForm, twilioBodyLimit } from './twilio-webhook.js';

const uuid = z.uuid();

/** Twilio messaging webhooks, mounted at /twilio. */
export function twilioSmsRoutes(deps: Deps) {
  const { authToken } = deps.config.twilio;
  const { publicUrl } = deps.config;

  return new Hono<AppEnv>()
    .post('/sms', twilioBodyLimit, async (c) => {
      const form = await readSignedTwilioForm(c, authToken, publicUrl);
      const message = parseTwilioSms(form);
      const outcome = await handleInboundMessage(deps, message);
      c.set('logFields', { messageSid: message.providerMessageId, outcome: outcome.kind, ...('reason' in outcome ? { reason: outcome.reason } : {}) });
      // Commands and crisis replies go back in this response: no queue, no LLM, no quota in the way.
      return xml(c, outcome.kind === 'answered' ? messagingResponse([outcome.reply]) : EMPTY_RESPONSE);
    })
    .post('/sms/status', twilioBodyLimit, async (c) => {
      c.set('failureTwiml', EMPTY_RESPONSE);
      const form = await readSignedTwilioForm(c, authToken, publicUrl);
      const callback = parseTwilioStatusCallback(form);
      const status = fromTwilioStatus(callback.status);
      const messageId = c.req.query('messageId');
      let recorded = false;
      if (status) {
        recorded = await recordDeliveryStatus(deps, {
          provider: 'twilio',
          messageId: messageId && uuid.safeParse(messageId).success ? messageId : undefined,
          providerMessageId: callback.providerMessageId,
          status,
          errorCode: callback.errorCode,
        });
      }
      c.set('logFields', { messageSid: callback.providerMessageId, deliveryStatus: callback.status, recorded });
      return xml(c, EMPTY_RESPONSE);
    });
}
