/**
 * The reference point: a plain webhook that parses, verifies, inserts one row and adds one BullMQ
 * job per request, with nothing else (no person, no encryption, no safety checks, no batching, no log
 * line). It shows what this machine gives the naive design, next to the ceiling and the real service.
 */
import { serve } from '@hono/node-server';
import { Queue } from 'bullmq';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import pg from 'pg';
import { verifyTwilioSignature } from '../src/providers/twilio-signature.js';
import { EMPTY_RESPONSE } from '../twiml/messaging.js';

const [port, authToken, publicUrl, databaseUrl, redisUrl, prefix] = process.argv.slice(2) as [string, string, string, string, string, string];
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
await pool.query('create table if not exists plain_messages (sid text primary key, sender text not null, body text not null, created_at timestamptz not null default now())');
const queue = new Queue('plain', { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix });

const app = new Hono();
app.post('/twilio/sms', async (c) => {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(await c.req.text())) params[key] ??= value;
  if (!verifyTwilioSignature(authToken, c.req.header('x-twilio-signature'), `${publicUrl}/twilio/sms`, params)) return c.text('forbidden', 403);
  const inserted = await pool.query('insert into plain_messages (sid, sender, body) values ($1, $2, $3) on conflict do nothing returning sid', [params.MessageSid, params.From, params.Body]);
  if (inserted.rowCount) await queue.add('reply', { sid: params.MessageSid }, { jobId: params.MessageSid });
  return c.body(EMPTY_RESPONSE, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
});
serve({ fetch: app.fetch, port: Number(port) }, () => process.send?.('ready'));
