import { Hono } from 'hono';
import type { AppEnv } from './env.js';

// Where Stripe sends the person's browser after Checkout or the billing portal (the default
// BILLING_*_URL settings). Plain pages: the person's next step is in their SMS thread, not here.
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">` +
  `<h1>${title}</h1><p>${text}</p></body></html>`;

/** Mounted at /billing. */
export function billingPageRoutes() {
  return new Hono<AppEnv>()
    .get('/success', (c) => c.html(page('Thank you!', 'Your payment went through. You will get a text message as soon as Premium is active. You can close this page.')))
    .get('/cancel', (c) => c.html(page('No changes made', 'You were not charged. Text UPGRADE any time to get a new link.')))
    .get('/done', (c) => c.html(page('All set', 'Your billing changes are saved. You can close this page and go back to your messages.')));
}
