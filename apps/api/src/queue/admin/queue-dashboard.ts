import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { credentialOf } from '../../common/auth/auth.guard';
import { allowOwnBase } from '../../common/http/security-headers';
import { SessionService } from '../../modules/auth/session.service';
import { QueueClient } from '../queue-client';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board under /admin/queues for administrators only (Bearer or session cookie, as the API).
 * Read-only: retrying a dead job goes through POST /api/admin/jobs/…/retry, which is audited.
 * Its page loads its files relative to the base it names, which the page policy allows here only.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const sessions = app.get(SessionService);
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(app.get(QueueClient).queues).map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
  });
  const adminsOnly = (req: Request, res: Response, next: NextFunction): void => {
    const credential = credentialOf(req);
    const refuse = (status: 401 | 403, detail: string): void => {
      res.status(status).type('application/problem+json').json({ type: 'about:blank', title: status === 401 ? 'Unauthenticated' : 'Forbidden', status, detail });
    };
    if (credential === undefined) return refuse(401, 'Sign in first');
    sessions.authenticate(credential.token).then((caller) => {
      if (caller === null) return refuse(401, 'The session is invalid or has expired; sign in again');
      if (caller.role !== 'admin') return refuse(403, `Your role (${caller.role}) may not see the queues`);
      if (caller.mustEnrolTotp) return refuse(403, 'Enrol two-factor sign-in first');
      next();
    }, next);
  };
  app.use(QUEUE_DASHBOARD_PATH, adminsOnly, allowOwnBase, board.getRouter());
}
