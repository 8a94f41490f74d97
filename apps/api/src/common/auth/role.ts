import { z } from 'zod';

/**
 * admin: manages people, departments, fiscal years and the catalogue.
 * preparer (编制人) and publisher (公开人): each of one department.
 * reviewer (财政局审核人): the finance bureau; all departments or those assigned.
 */
export const ZRole = z.enum(['admin', 'preparer', 'publisher', 'reviewer']);
export type TRole = z.infer<typeof ZRole>;
export const ALL_ROLES: readonly TRole[] = ZRole.options;
