import { z } from 'zod';

/**
 * Job payloads carry ids only: Redis is not encrypted, so no message text or phone number ever goes
 * into it. Workers read everything else from Postgres.
 */
export const MessageJob = z.strictObject({ messageId: z.uuid() });
export type MessageJob = z.infer<typeof MessageJob>;

/** A batch of freshly stored inbound messages, fanned out into one `reply` job each by the intake worker. */
export const INTAKE_MAX_IDS = 500;
export const IntakeJob = z.strictObject({ messageIds: z.array(z.uuid()).min(1).max(INTAKE_MAX_IDS) });
export type IntakeJob = z.infer<typeof IntakeJob>;

export const MaintenanceJob = z.strictObject({});

/** `stripe`: a stored Stripe event's id (the event itself is in Postgres), or the sweep (no payload). */
export const StripeJob = z.union([z.strictObject({ eventId: z.string().regex(/^evt_[A-Za-z0-9_]+$/) }), z.strictObject({})]);
export type StripeJob = z.infer<typeof StripeJob>;

/** `alert`: one crisis event to post to the operator (or `sweep`, with no payload, to find unsent ones). */
export const AlertJob = z.union([z.strictObject({ crisisEventId: z.uuid() }), z.strictObject({})]);
