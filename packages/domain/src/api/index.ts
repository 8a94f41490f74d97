// The shapes the API answers and the web reads: declared once here, imported by both sides.
export * from './user-ref.schema';
export * from './revision.schema';
export * from './comment.schema';
export * from './listed-file.schema';
export * from './publication.schema';
export * from './notification.schema';
export * from './budget-job.schema';
export * from './portal.schema';
export * from './audit-entry.schema';
