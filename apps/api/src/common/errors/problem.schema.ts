import { z } from 'zod';

/** RFC 9457 problem details, the single error shape of the API (application/problem+json). */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  // A refusal's own members (RFC 9457 extensions), e.g. OVER_CEILING's `exceeded`.
}).catchall(z.unknown());
export type TProblem = z.infer<typeof ZProblem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
