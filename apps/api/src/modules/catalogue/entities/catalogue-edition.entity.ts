import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One uploaded catalogue (code,name rows) for a fiscal year and kind; the newest per (year, kind) is current. */
@Entity('catalogue_editions')
export class CatalogueEditionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'fiscal_year', type: 'integer' })
  fiscalYear!: number;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'jsonb' })
  entries!: { code: string; name: string }[];

  @Column({ name: 'entry_count', type: 'integer' })
  entryCount!: number;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt!: Date;
}
