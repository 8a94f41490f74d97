import { z } from 'zod';

/**
 * A rendered file as a list of files gives it (a publication's public files, an approved revision's
 * files): where to download it, with what to check the download against.
 */
export const ZListedFile = z.object({
  format: z.string(),
  /** e.g. t1.csv, disclosure.pdf: several files may share a format (one CSV per table). */
  name: z.string(),
  /** A published file's name when downloaded: department, year, version and what it holds (硚口区大数据中心2021年部门预算（第2版）表5.csv). */
  downloadName: z.string().optional(),
  /** Without signing in for a publication's files; for those who may read the budget otherwise. */
  url: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export type TListedFile = z.output<typeof ZListedFile>;
