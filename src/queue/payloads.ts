import { z } from 'zod';

/**
 * Job payloads carry ids only: Redis is not encrypted, so no message text or phone number ever goes
 * into it. Workers read everything else from Postgres.
 */
export const MessageJob = z.strictObject({ messageId: z.uuid() });
export type MessageJob = z.infer<typeof MessageJob>;

export const MaintenanceJob = z.strictObject({});

/** `stripe`: a stored Stripe event's id (the event itself is in Postgres), or the sweep (no payload). */
export const StripeJob = z.union([z.strictObject({ eventId: z.string().regex(/^evt_[A-Za-z0-9_]+$/) }), z.strictObject({})]);
export type StripeJob = z.infer<typeof StripeJob>;
