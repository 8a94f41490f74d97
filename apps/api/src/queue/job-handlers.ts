import type { DataSource } from 'typeorm';
import { NotifyJob } from '../modules/notifications/jobs/notify.job';
import { RenderPublicationJob } from '../modules/publications/jobs/render-publication.job';
import type { TJobHandlers } from './job-registry';

/** Every job the worker runs, by job name (see TOPIC_ROUTES). */
export function jobHandlers(dataSource: DataSource): TJobHandlers {
  const renderPublication = new RenderPublicationJob(dataSource);
  const notify = new NotifyJob(dataSource);
  return {
    'render-publication': (data) => renderPublication.handle(data),
    notify: (data) => notify.handle(data),
  };
}
