import { ZDisclosure, type TOpenDataLine } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { PublicReads } from '../../database/replica/public-reads';
import { notFound } from '../../common/errors/app-error';
import { lineSetOf, type TLineSet } from './line-files';
import { OpenDataRepository } from './open-data.repository';

export interface TPublishedLine extends TOpenDataLine {
  publicationId: string;
}

export interface TLinesPage {
  items: TPublishedLine[];
  page: number;
  pageSize: number;
  total: number;
}

/** The line-level open data of published versions, read from their frozen revisions. */
@Injectable()
export class OpenDataService {
  constructor(
    @Inject(PublicReads) private readonly reads: PublicReads,
    private readonly repository: OpenDataRepository,
  ) {}

  /** Every line of one published version; 404 for anything that is not a publication. */
  /** The lines of each publication named, one publication at a time: a district's year is never held whole. */
  async *linesOfEach(publicationIds: readonly string[]): AsyncGenerator<TPublishedLine[]> {
    for (const id of publicationIds) yield (await this.linesOf(id)).lines;
  }

  async linesOf(publicationId: string): Promise<TLineSet & { lines: TPublishedLine[] }> {
    const published = await this.reads.one((m) => this.repository.findPublished(m, publicationId));
    if (published === undefined) throw notFound('Disclosure');
    const set = lineSetOf(published.document, ZDisclosure.parse(published.disclosure));
    return { ...set, lines: set.lines.map((line) => ({ ...line, publicationId })) };
  }

  /** The year's published versions, for the district dataset to read one after the other. */
  publishedOfYear(fiscalYear: number): Promise<string[]> {
    return this.reads.read((m) => this.repository.publishedIdsOfYear(m, fiscalYear));
  }

  async pageOfYear(fiscalYear: number, page: number, pageSize: number): Promise<TLinesPage> {
    const { refs, total } = await this.reads.read((m) => this.repository.pageOfYear(m, fiscalYear, { offset: (page - 1) * pageSize, limit: pageSize }));
    const byPublication = new Map<string, TPublishedLine[]>();
    for (const id of new Set(refs.map((r) => r.publicationId))) byPublication.set(id, (await this.linesOf(id)).lines);
    const items = refs.map((ref) => byPublication.get(ref.publicationId)?.[ref.ordinal]).filter((line): line is TPublishedLine => line !== undefined);
    return { items, page, pageSize, total };
  }
}
