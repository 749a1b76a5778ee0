/**
 * `npm run phone`: a terminal phone for trying Switchboard locally. It texts the running service with
 * correctly signed Twilio webhooks and prints the replies the console provider "sent" back.
 *
 *   npm run phone                       chat from +15555550100 to +15550001111
 *   npm run phone -- --from +447700900123 --to +15550001111
 *   npm run phone -- --call             a voice call instead (see phone-call.ts)
 *   npm run phone -- --call --plan premium   put the number on a plan first (calls are Premium-only)
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../config.js';
import { twilioSignature } from '../providers/twilio-signature.js';
import { runPhoneCall } from './phone-call.js';
import { parseTwimlMessages } from './twiml-text.js';

const { values: args } = parseArgs({
  options: {
    from: { type: 'string', default: '+15555550100' },
    to: { type: 'string', default: '+15550001111' },
    call: { type: 'boolean', default: false },
    plan: { type: 'string' },
  },
});
const config = loadConfig(readEnvironment());
const base = config.publicUrl;
const from = args.from!;
const POLL_MS = 300;

async function signedFetch(path: string, init: { form?: Record<string, string> } = {}): Promise<Response> {
  const signature = twilioSignature(config.twilio.authToken, base + path, init.form ?? {});
  return fetch(base + path, {
    method: init.form ? 'POST' : 'GET',
    headers: { 'x-twilio-signature': signature, ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: init.form ? new URLSearchParams(init.form) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
}

let cursor: string | undefined;
async function fetchReplies(): Promise<string[]> {
  const query = new URLSearchParams({ number: from, ...(cursor ? { after: cursor } : {}) });
  const res = await signedFetch(`/dev/phone/messages?${query}`);
  if (res.status === 404) throw new Error('The service has no /dev/phone route: it only exists with the console provider (no Twilio credentials) outside production.');
  if (!res.ok) throw new Error(`/dev/phone answered ${res.status}`);
  const { messages } = (await res.json()) as { messages: { id: string; body: string }[] };
  if (messages.length > 0) cursor = messages.at(-1)!.id;
  return messages.map((m) => m.body);
}

async function main() {
  try {
    await fetchReplies(); // skip what was said in earlier sessions
  } catch (error) {
    console.error(`Cannot reach Switchboard at ${base}: ${(error as Error).message}\nStart it first with: npm start`);
    process.exit(1);
  }
  console.log(`📱 ${from} → ${args.to} via ${base}. Type a message; Ctrl-D to hang up.\n`);
  const poll = setInterval(() => {
    fetchReplies()
      .then((replies) => replies.forEach((r) => print(r)))
      .catch((error: Error) => print(`(could not fetch replies: ${error.message})`, 'system'));
  }, POLL_MS);

  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
  const print = (text: string, who = 'assistant') => {
    process.stdout.write(`\r\x1b[K${who}> ${text}\n`);
    rl.prompt(true);
  };
  rl.prompt();
  for await (const line of rl) {
    const body = line.trim();
    if (body) {
      const res = await signedFetch('/twilio/sms', { form: { MessageSid: `SM${randomBytes(16).toString('hex')}`, From: from, To: args.to!, Body: body } });
      // Commands and crisis replies come straight back in the webhook's TwiML.
      for (const text of parseTwimlMessages(await res.text())) print(text);
      if (res.status !== 200) print(`(webhook answered ${res.status} ${res.headers.get('x-error-code') ?? ''})`, 'system');
    }
    rl.prompt();
  }
  clearInterval(poll);
  console.log('\nbye');
}

/** Puts this number on a plan through the dev-only route (a dev box has no Stripe to buy one from). */
async function choosePlan(plan: string) {
  const res = await signedFetch('/dev/phone/plan', { form: { number: from, plan } }).catch((error: Error) => {
    console.error(`Cannot reach Switchboard at ${base}: ${error.message}\nStart it first with: npm start`);
    process.exit(1);
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    console.error(`Could not put ${from} on plan "${plan}": ${body?.error?.message ?? `HTTP ${res.status}`}`);
    process.exit(1);
  }
  console.log(`${from} is on plan "${plan}".`);
}

if (args.plan) await choosePlan(args.plan);
if (args.call) await runPhoneCall(config, { from, to: args.to! });
else await main();
