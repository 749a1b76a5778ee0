/** Every BullMQ queue, one worker file per queue in workers/. */
export const QUEUE_NAMES = ['intake', 'reply', 'send', 'maintenance', 'stripe', 'facts', 'alert'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
