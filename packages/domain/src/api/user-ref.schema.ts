import { z } from 'zod';

/** Who did something, as the API's answers name them: the account's id and username, no more. */
export const ZUserRef = z.object({ id: z.uuid(), username: z.string() });

export type TUserRef = z.output<typeof ZUserRef>;
