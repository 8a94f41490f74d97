import { Inject, Injectable } from '@nestjs/common';
import { PublicReads } from '../../database/replica/public-reads';
import { PublicationFilesService } from '../publications/publication-files.service';
import type { TReadableDisclosure, TReadablePage } from '../web-client/noscript-html';
import { PortalService } from './portal.service';
import { PublicationsRepository } from './publications.repository';

/** Disclosures listed a page to a reader without script: a plain list stays short enough to read. */
export const READABLE_PAGE_SIZE = 50;

/**
 * The published disclosures as a reader without the portal's script reads them: by the same public
 * reads as the API (published versions only, the replica when it serves), each with its web version
 * and its PDF.
 */
@Injectable()
export class ReadableDisclosures {
  constructor(
    @Inject(PublicReads) private readonly reads: PublicReads,
    private readonly publications: PublicationsRepository,
    private readonly portal: PortalService,
    private readonly files: PublicationFilesService,
  ) {}

  /** One published version, or undefined when no publication has this id. */
  async one(publicationId: string): Promise<TReadableDisclosure | undefined> {
    const found = await this.reads.one((m) => this.publications.findWithDisclosure(m, publicationId));
    if (found === undefined) return undefined;
    const files = (await this.files.readingFiles([publicationId])).get(publicationId);
    return {
      departmentName: found.department.name,
      unitName: found.unit?.name ?? null,
      fiscalYear: found.fiscalYear,
      versionNo: found.versionNo,
      ...files,
    };
  }

  /** A page of the newest version of every published disclosure, newest year first, as the district search lists them. */
  async page(page: number): Promise<TReadablePage> {
    const found = await this.portal.search({ page, pageSize: READABLE_PAGE_SIZE });
    const files = await this.files.readingFiles(found.items.map((i) => i.id));
    return {
      items: found.items.map((i) => ({
        departmentName: i.department.name,
        unitName: i.unit?.name ?? null,
        fiscalYear: i.fiscalYear,
        versionNo: i.versionNo,
        ...files.get(i.id),
      })),
      page,
      pageCount: Math.max(1, Math.ceil(found.total / READABLE_PAGE_SIZE)),
    };
  }
}
