import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { requestId } from 'hono/request-id';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { billingPageRoutes } from './billing-pages.js';
import { devPhoneRoutes } from './dev-phone.js';
import type { AppEnv } from './env.js';
import { errorHandler } from './errors.js';
import { healthRoutes } from './health.js';
import { requestLog } from './request-log.js';
import { twilioSmsRoutes } from './sms.js';
import { stripeRoutes } from './stripe.js';
import { promptAudioRoutes, twilioVoiceRoutes } from './voice.js';

/** The web app: middleware, one sub-app per surface, one error handler. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  // Unique per process start + a counter: as good as a random UUID for joining log lines, and free.
  const bootId = randomBytes(6).toString('base64url');
  let counter = 0;
  app.use(requestId({ generator: () => `${bootId}-${(++counter).toString(36)}` }));
  app.use(requestLog(deps.log));
  app.onError(errorHandler(deps.log));
  app.notFound(() => {
    throw new AppError('not_found', 'No such route.');
  });

  app.route('/', healthRoutes(deps));
  app.route('/twilio', twilioSmsRoutes(deps));
  app.route('/twilio', twilioVoiceRoutes(deps));
  app.route('/audio', promptAudioRoutes(deps));
  app.route('/stripe', stripeRoutes(deps));
  app.route('/billing', billingPageRoutes());
  if (!deps.config.twilio.live && deps.config.env !== 'production') app.route('/dev', devPhoneRoutes(deps));
  return app;
}
