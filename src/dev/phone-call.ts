/**
 * `npm run phone -- --call`: a voice call to the running service, in the terminal. The TwiML walker plays
 * Twilio: what the service says is printed, what you type is what you "say" (an empty line is silence,
 * Ctrl-D hangs up), <Gather> actions and <Redirect>s are followed, and the call ends on <Hangup/>.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Config } from '../config.js';
import { twilioSignature } from '../providers/twilio-signature.js';
import { TWILIO_WEBHOOK_TIMEOUT_MS, walkCall, type Heard, type Transport } from './twiml-walker.js';

function describe(heard: Heard): string {
  switch (heard.kind) {
    case 'say':
      return heard.text;
    case 'play':
      return `♪ ${heard.url}`;
    case 'pause':
      return `(silence, ${heard.seconds} s)`;
    case 'dial':
      return `(connecting you to ${heard.number})`;
  }
}

export async function runPhoneCall(config: Config, numbers: { from: string; to: string }): Promise<void> {
  const base = config.publicUrl;
  const transport: Transport = async (url, params) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'x-twilio-signature': twilioSignature(config.twilio.authToken, url, params), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(TWILIO_WEBHOOK_TIMEOUT_MS + 1_000),
    });
    return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
  };

  // Lines are read as a stream (not rl.question) so piped input works too: `printf 'hi\nbye\n' | npm run phone -- --call`.
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  console.log(`📞 ${numbers.from} calling ${numbers.to} via ${base}. Type what you say; an empty line is silence; Ctrl-D hangs up.\n`);

  const result = await walkCall({
    url: `${base}/twilio/voice`,
    call: { CallSid: `CA${randomBytes(16).toString('hex')}`, From: numbers.from, To: numbers.to },
    transport,
    statusCallbackUrl: `${base}/twilio/voice/status`,
    caller: {
      hear: (heard) => console.log(`assistant> ${describe(heard)}`),
      speak: async ({ language }) => {
        process.stdout.write(`you (${language ?? 'speech'})> `);
        const line = await lines.next();
        if (!process.stdin.isTTY) process.stdout.write(`${line.done ? '' : line.value}\n`);
        return line.done ? null : line.value.trim();
      },
    },
  }).catch((error: Error) => {
    console.error(`Cannot reach Switchboard at ${base}: ${error.message}\nStart it first with: npm start`);
    process.exit(1);
  });
  rl.close();
  const slowest = Math.max(...result.requests.map((r) => r.ms));
  console.log(`\ncall ended (${result.ended.replaceAll('_', ' ')}) after ${result.durationS} s, ${result.requests.length} webhooks, slowest ${Math.round(slowest)} ms`);
}
