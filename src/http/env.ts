import type { RequestIdVariables } from 'hono/request-id';

/** Per-request values shared by middleware and handlers. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    /** Extra fields for this request's single log line: ids and outcomes, never bodies or numbers. */
    logFields: Record<string, unknown>;
    /** What a provider webhook answers if it fails unexpectedly: valid TwiML, never a 5xx. */
    failureTwiml?: string;
  };
}
