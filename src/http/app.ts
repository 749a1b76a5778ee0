import { Hono } from 'hono';
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

/** The web app: middleware, one sub-app per surface, one error handler. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(requestLog(deps.log));
  app.onError(errorHandler(deps.log));
  app.notFound(() => {
    throw new AppError('not_found', 'No such route.');
  });

  app.route('/', healthRoutes(deps));
  app.route('/twilio', twilioSmsRoutes(deps));
  app.route('/stripe', stripeRoutes(deps));
  app.route('/billing', billingPageRoutes());
  if (!deps.config.twilio.live && deps.config.env !== 'production') app.route('/dev', devPhoneRoutes(deps));
  return app;
}
