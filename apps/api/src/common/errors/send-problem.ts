import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE, TProblem } from './problem.schema';

export function sendProblem(res: Response, problem: TProblem, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
