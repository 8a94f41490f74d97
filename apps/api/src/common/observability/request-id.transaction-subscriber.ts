import { EventSubscriber, type EntitySubscriberInterface, type TransactionStartEvent } from 'typeorm';
import { currentRequestId } from './request-context';

/**
 * Tells PostgreSQL, for each transaction a request (or a job) opens, which request it is: the
 * outbox's `request_id` column defaults to this setting (migration 1797570000000), so every job a
 * request causes carries the request's id, whichever code wrote the row. `set_config(..., true)` is
 * local to the transaction: a pooled connection never carries an id into another request.
 * (TypeORM takes only classes marked @EventSubscriber from `subscribers`.)
 */
@EventSubscriber()
export class RequestIdTransactionSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const requestId = currentRequestId();
    if (requestId !== undefined) await event.queryRunner.query(`SELECT set_config('budgetflow.request_id', $1, true)`, [requestId]);
  }
}
