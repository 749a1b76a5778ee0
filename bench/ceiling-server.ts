/**
 * The ceiling: the least any Twilio webhook can do on this machine — Hono on @hono/node-server, read
 * the form, check the signature, answer empty TwiML. No database, no queue. The full service is
 * measured as a fraction of this.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { verifyTwilioSignature } from '../src/providers/twilio-signature.js';
import { EMPTY_RESPONSE } from '../twiml/messaging.js';

const port = Number(process.argv[2] ?? 3901);
const authToken = process.argv[3] ?? 'bench-token';
const publicUrl = process.argv[4] ?? 'https://bench.switchboard.test';

const app = new Hono();
app.post('/twilio/sms', async (c) => {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(await c.req.text())) params[key] ??= value;
  if (!verifyTwilioSignature(authToken, c.req.header('x-twilio-signature'), `${publicUrl}/twilio/sms`, params)) return c.text('forbidden', 403);
  return c.body(EMPTY_RESPONSE, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
});
serve({ fetch: app.fetch, port }, () => process.send?.('ready'));
