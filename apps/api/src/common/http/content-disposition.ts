/** A name safe inside filename="…" as it stands: visible ASCII without the quote and the backslash. */
const PLAIN_NAME = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/;
/** What the ASCII fallback cannot carry: anything else, each run of it becoming one underscore. */
const NOT_PLAIN = /[^\x20-\x21\x23-\x5b\x5d-\x7e]+/g;
/** RFC 5987 attr-char: the bytes a value carries as they are; every other byte is percent-encoded. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/**
 * The Content-Disposition of a download (RFC 6266). Node refuses a header of non-Latin-1
 * characters and browsers read raw UTF-8 in filename="…" differently, so a name such as
 * 硚口区大数据中心2021年部门预算（第1版）表5.csv goes as filename* (RFC 5987) in UTF-8, which every
 * current browser prefers, plus an ASCII filename="…" for old clients: the file's own name
 * (`ownName`, e.g. t5.csv, its address) when the caller has one, else the name with each run of
 * what ASCII cannot carry as one underscore. A plain ASCII name goes as it is. A quote, a
 * backslash or a line break never reaches the header as it is, whichever name brings it.
 * `inline` asks the browser to show the file (a disclosure read without the portal's script) under
 * the same name when saved.
 */
export function attachmentDisposition(name: string, ownName?: string, type: 'attachment' | 'inline' = 'attachment'): string {
  if (PLAIN_NAME.test(name)) return `${type}; filename="${name}"`;
  const fallback = ownName === undefined || ownName === '' ? name : ownName;
  return `${type}; filename="${fallback.replace(NOT_PLAIN, '_')}"; filename*=UTF-8''${percentEncoded(name)}`;
}

function percentEncoded(name: string): string {
  let encoded = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
