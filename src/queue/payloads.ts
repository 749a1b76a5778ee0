import { z } from 'zod';

/**
 * Job payloads carry ids only: Redis is not encrypted, so no message text or phone number ever goes
 * into it. Workers read everything else from Postgres.
 */
export const MessageJob = z.strictObject({ messageId: z.uuid() });
export type MessageJob = z.infer<typeof MessageJob>;

export const MaintenanceJob = z.strictObject({});

/** `alert`: one crisis event to post to the operator (or `sweep`, with no payload, to find unsent ones). */
export const AlertJob = z.union([z.strictObject({ crisisEventId: z.uuid() }), z.strictObject({})]);
