import { randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { sendJson, startLocalServer } from './http-server.js';

export interface SentSms {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
  dateCreated: Date;
}

/**
 * 'hang': never answers and sends nothing. 'accept_and_hang': accepts the message (it is "sent") but the
 * answer never comes back, the case where the client cannot know whether its call worked.
 */
type Failure = { status: number; code: number; message: string } | 'hang' | 'accept_and_hang';

/**
 * A local server speaking Twilio's REST wire format (2010-04-01 Messages), so the real twilio SDK runs
 * against it. Tests can queue failures (status + Twilio error code) or a hang for the next calls.
 */
export async function startFakeTwilio(options: { accountSid: string; authToken: string }) {
  const events = new EventEmitter();
  const sent: SentSms[] = [];
  const failures: Failure[] = [];
  const optedOut = new Set<string>();
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const base = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;

  const resource = (m: SentSms, status = 'queued') => ({
    sid: m.sid,
    account_sid: m.accountSid,
    to: m.to,
    from: m.from,
    body: m.body,
    status,
    num_segments: '1',
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: m.dateCreated.toUTCString().replace('GMT', '+0000'),
    date_updated: m.dateCreated.toUTCString().replace('GMT', '+0000'),
    date_sent: null,
    uri: `${base.replace('.json', '')}/${m.sid}.json`,
  });
  const twilioError = (status: number, code: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

  const server = await startLocalServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.headers.authorization !== expectedAuth) return sendJson(res, 401, twilioError(401, 20003, 'Authenticate'));
    if (url.pathname !== base) return sendJson(res, 404, twilioError(404, 20404, 'Not found'));

    if (req.method === 'GET') {
      const to = url.searchParams.get('To');
      const from = url.searchParams.get('From');
      const matches = sent.filter((m) => (!to || m.to === to) && (!from || m.from === from)).reverse();
      return sendJson(res, 200, {
        messages: matches.map((m) => resource(m, 'sent')),
        uri: base, page: 0, page_size: 50, start: 0, end: matches.length, first_page_uri: base, next_page_uri: null, previous_page_uri: null,
      });
    }

    const form = new URLSearchParams(body);
    const failure = failures.shift();
    if (failure === 'hang') {
      events.emit('hang');
      return; // never answered: the client's timeout fires
    }
    if (failure && failure !== 'accept_and_hang') return sendJson(res, failure.status, twilioError(failure.status, failure.code, failure.message));
    const to = form.get('To') ?? '';
    if (optedOut.has(to)) return sendJson(res, 400, twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'));

    const message: SentSms = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid: options.accountSid,
      to,
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback') ?? undefined,
      dateCreated: new Date(Math.floor(Date.now() / 1000) * 1000),
    };
    sent.push(message);
    if (failure === 'accept_and_hang') events.emit('hang');
    else sendJson(res, 201, resource(message));
    events.emit('message', message);
  });

  return {
    url: server.url,
    sent,
    optedOut,
    /** The next calls fail like this, in order (then calls succeed again). */
    failNext(...next: Failure[]) {
      failures.push(...next);
    },
    /** Resolves with the next message the fake accepts. */
    async nextMessage(timeoutMs = 10_000): Promise<SentSms> {
      const [message] = (await once(events, 'message', { signal: AbortSignal.timeout(timeoutMs) })) as [SentSms];
      return message;
    },
    /** Resolves once `count` messages in all have been accepted. */
    async waitForCount(count: number, timeoutMs = 10_000): Promise<SentSms[]> {
      const signal = AbortSignal.timeout(timeoutMs);
      while (sent.length < count) await once(events, 'message', { signal });
      return sent;
    },
    events,
    close: server.close,
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
