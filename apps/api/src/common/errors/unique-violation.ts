import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';

/** Runs `work`; a unique-constraint violation becomes 409 CONFLICT with `detail`, anything else propagates. */
export async function uniqueOr409<T>(work: () => Promise<T>, detail: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw new AppError('CONFLICT', detail);
    throw error;
  }
}
