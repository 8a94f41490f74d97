/** The queues of the worker. Redis only carries the work; PostgreSQL keeps what must not be lost. */
export const QUEUE_NAMES = ['totals', 'reports', 'publication', 'notifications'] as const;
export type TQueueName = (typeof QUEUE_NAMES)[number];
