import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sendJson, startLocalServer } from './http-server.js';

export type StripeForm = { [key: string]: string | StripeForm };

export interface StripeRequest {
  method: string;
  path: string;
  /** The form body, nested the way Stripe reads it (`metadata[person_id]` → { metadata: { person_id } }). */
  form: StripeForm;
  raw: string;
  idempotencyKey?: string;
}

export interface FakeSubscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  livemode: boolean;
  created: number;
  metadata: Record<string, string>;
  items: { object: 'list'; data: { id: string; object: 'subscription_item'; price: { id: string; object: 'price' }; current_period_start: number; current_period_end: number }[] };
}

type Failure = { status: number; type: string; code?: string; message: string } | 'hang';

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const DAY_S = 86_400;

/** `a[b][0][c]=v` → { a: { b: { 0: { c: v } } } }, as Stripe's form decoder reads it. */
function parseForm(body: string): StripeForm {
  const out: StripeForm = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as StripeForm;
    });
  }
  return out;
}

/**
 * A local server speaking Stripe's REST API (form-encoded requests, JSON answers, Bearer auth, error
 * envelopes, Idempotency-Key replay) for the calls Switchboard makes: customers, Checkout sessions,
 * billing portal sessions and subscription retrieval. The real stripe SDK is pointed at it.
 */
export async function startFakeStripe(options: { secretKey: string }) {
  const events = new EventEmitter();
  const requests: StripeRequest[] = [];
  const failures: Failure[] = [];
  const customers = new Map<string, { id: string; metadata: Record<string, string> }>();
  const sessions = new Map<string, Record<string, unknown> & { id: string }>();
  const subscriptions = new Map<string, FakeSubscription>();
  const replays = new Map<string, unknown>();
  const now = () => Math.floor(Date.now() / 1000);

  const stripeError = (type: string, message: string, code?: string, param?: string) => ({ error: { type, message, ...(code ? { code } : {}), ...(param ? { param } : {}) } });

  const server = await startLocalServer((req, res, raw) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const form = parseForm(raw);
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    requests.push({ method: req.method ?? 'GET', path: url.pathname, form, raw, idempotencyKey });
    events.emit('request', requests.at(-1));

    if (req.headers.authorization !== `Bearer ${options.secretKey}`) return sendJson(res, 401, stripeError('invalid_request_error', 'Invalid API Key provided'));
    const failure = failures.shift();
    if (failure === 'hang') return;
    if (failure) return sendJson(res, failure.status, stripeError(failure.type, failure.message, failure.code));

    const replayKey = idempotencyKey && `${req.method} ${url.pathname} ${idempotencyKey}`;
    if (replayKey && replays.has(replayKey)) return sendJson(res, 200, replays.get(replayKey));
    const reply = (body: unknown) => {
      if (replayKey) replays.set(replayKey, body);
      sendJson(res, 200, body);
    };

    if (req.method === 'POST' && url.pathname === '/v1/customers') {
      const customer = { id: id('cus'), metadata: (form.metadata ?? {}) as Record<string, string> };
      customers.set(customer.id, customer);
      return reply({ ...customer, object: 'customer', livemode: false, created: now(), email: null, name: null, phone: null });
    }
    if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      const customer = form.customer as string | undefined;
      if (!customer || !customers.has(customer)) return sendJson(res, 400, stripeError('invalid_request_error', `No such customer: '${customer}'`, 'resource_missing', 'customer'));
      const session = {
        id: id('cs_test'),
        object: 'checkout.session',
        url: `https://checkout.stripe.test/c/pay/${id('cs_test')}`,
        mode: form.mode,
        customer,
        client_reference_id: form.client_reference_id ?? null,
        metadata: form.metadata ?? {},
        subscription: null,
        status: 'open',
        livemode: false,
        created: now(),
        request: form,
      };
      sessions.set(session.id, session);
      return reply(session);
    }
    if (req.method === 'POST' && url.pathname === '/v1/billing_portal/sessions') {
      const customer = form.customer as string | undefined;
      if (!customer || !customers.has(customer)) return sendJson(res, 400, stripeError('invalid_request_error', `No such customer: '${customer}'`, 'resource_missing', 'customer'));
      return reply({ id: id('bps'), object: 'billing_portal.session', customer, return_url: form.return_url, url: `https://billing.stripe.test/p/session/${id('test')}`, livemode: false, created: now() });
    }
    const subscription = /^\/v1\/subscriptions\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && subscription) {
      const found = subscriptions.get(decodeURIComponent(subscription[1]!));
      if (!found) return sendJson(res, 404, stripeError('invalid_request_error', `No such subscription: '${subscription[1]}'`, 'resource_missing'));
      return sendJson(res, 200, found);
    }
    sendJson(res, 404, stripeError('invalid_request_error', `Unrecognized request URL (${req.method}: ${url.pathname})`));
  });

  return {
    url: server.url,
    requests,
    customers,
    sessions,
    subscriptions,
    events,
    /** The next calls fail like this, in order (then calls succeed again). */
    failNext(...next: Failure[]) {
      failures.push(...next);
    },
    /**
     * What Stripe does when the person pays on the Checkout page: a subscription on the session's price,
     * carrying the session's subscription_data metadata. Returns the completed session and the subscription.
     */
    completeCheckout(sessionId: string, status = 'active') {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no checkout session ${sessionId}`);
      const request = session.request as StripeForm;
      const price = ((request.line_items as StripeForm)['0'] as StripeForm).price as string;
      const start = now();
      const sub: FakeSubscription = {
        id: id('sub'),
        object: 'subscription',
        customer: session.customer as string,
        status,
        cancel_at_period_end: false,
        livemode: false,
        created: start,
        metadata: ((request.subscription_data as StripeForm | undefined)?.metadata ?? {}) as Record<string, string>,
        items: { object: 'list', data: [{ id: id('si'), object: 'subscription_item', price: { id: price, object: 'price' }, current_period_start: start, current_period_end: start + 30 * DAY_S }] },
      };
      subscriptions.set(sub.id, sub);
      const { request: _request, ...rest } = session;
      const completed = { ...rest, status: 'complete', subscription: sub.id, customer: sub.customer };
      sessions.set(sessionId, { ...completed, request });
      return { session: completed, subscription: sub };
    },
    /** Changes a subscription's state as Stripe would (cancel, payment failure…); later retrievals see it. */
    updateSubscription(subscriptionId: string, change: Partial<FakeSubscription>): FakeSubscription {
      const sub = subscriptions.get(subscriptionId);
      if (!sub) throw new Error(`no subscription ${subscriptionId}`);
      const updated = { ...sub, ...change };
      subscriptions.set(subscriptionId, updated);
      return updated;
    },
    /** A subscription created outside Checkout (dashboard, API), for events about customers we may not know. */
    addSubscription(sub: Partial<FakeSubscription> & { customer: string; price: string }): FakeSubscription {
      const start = now();
      const { price, ...rest } = sub;
      const created: FakeSubscription = {
        id: id('sub'), object: 'subscription', status: 'active', cancel_at_period_end: false, livemode: false, created: start, metadata: {},
        items: { object: 'list', data: [{ id: id('si'), object: 'subscription_item', price: { id: price, object: 'price' }, current_period_start: start, current_period_end: start + 30 * DAY_S }] },
        ...rest,
      };
      subscriptions.set(created.id, created);
      return created;
    },
    close: server.close,
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
