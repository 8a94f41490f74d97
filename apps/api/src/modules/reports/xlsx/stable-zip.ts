import JSZip from 'jszip';

/**
 * The zip with every entry dated `date`. exceljs zips with JSZip, which dates each entry at the time
 * of writing and takes no date for the whole archive, so the same workbook would differ byte for byte
 * from one render to the next. The entries keep their order and their compressed data as they are.
 */
export async function withEntriesDated(zipBytes: Buffer, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(zipBytes);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
