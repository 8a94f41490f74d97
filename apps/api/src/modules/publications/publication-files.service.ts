import { publishedDownloadName, type TListedFile } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/app-error';
import type { TRenderProblem } from '../reports/check/rendered-check';
import { PublicationFilesRepository, type TFileContent } from './publication-files.repository';

/** Where a publication is read in a browser as it stands: its web version and its PDF, each shown rather than saved. */
export interface TReadingFiles {
  html?: string;
  pdf?: string;
}

const fileUrl = (fileId: string) => `/api/public/files/${fileId}`;

export type TFilesStatus =
  | { state: 'rendering' }
  | { state: 'published'; files: TListedFile[] }
  | { state: 'check-failed'; problems: TRenderProblem[] };

/** The files of publications, for the public side and for the publisher who waits for them. */
@Injectable()
export class PublicationFilesService {
  private readonly repository = new PublicationFilesRepository();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The files of a publication; empty while they are being rendered or when the check failed. */
  async listPublished(publicationId: string): Promise<TListedFile[]> {
    const m = this.dataSource.manager;
    const [files, identity] = await Promise.all([this.repository.listFiles(m, publicationId), this.repository.identity(m, publicationId)]);
    return files.map((f) => ({
      format: f.format,
      name: f.name,
      ...(identity === undefined ? {} : { downloadName: publishedDownloadName(identity, f.name) }),
      url: fileUrl(f.id),
      size: f.size,
      sha256: f.sha256,
    }));
  }

  /** The reading files of each publication (none while its files are being rendered or when the check failed). */
  async readingFiles(publicationIds: readonly string[]): Promise<Map<string, TReadingFiles>> {
    const found = new Map<string, TReadingFiles>(publicationIds.map((id) => [id, {}]));
    if (publicationIds.length === 0) return found;
    for (const f of await this.repository.filesNamed(this.dataSource.manager, publicationIds, ['disclosure.html', 'disclosure.pdf'])) {
      const files = found.get(f.publicationId);
      if (files !== undefined) files[f.name === 'disclosure.html' ? 'html' : 'pdf'] = `${fileUrl(f.id)}?view=inline`;
    }
    return found;
  }

  /** Where the files of a publication stand: still rendering, published, or stopped by the check (and why). */
  async status(publicationId: string): Promise<TFilesStatus> {
    const check = await this.repository.findCheck(this.dataSource.manager, publicationId);
    if (check === undefined) return { state: 'rendering' };
    if (!check.passed) return { state: 'check-failed', problems: check.problems };
    return { state: 'published', files: await this.listPublished(publicationId) };
  }

  /**
   * A published file to download, under the name that says whose, which year's and which version's
   * it is, with its own name (t5.csv) beside it for the clients that cannot take that name.
   */
  async content(fileId: string): Promise<TFileContent & { ownName: string }> {
    const file = await this.repository.findContent(this.dataSource.manager, fileId);
    if (file === undefined) throw notFound('File');
    const { departmentName, unitName, fiscalYear, versionNo, ...content } = file;
    return { ...content, name: publishedDownloadName({ departmentName, unitName, fiscalYear, versionNo }, file.name), ownName: file.name };
  }
}
