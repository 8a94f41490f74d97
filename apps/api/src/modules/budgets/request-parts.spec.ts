import { AppError } from '../../common/errors/app-error';
import { IdPipe, versionSeen } from './request-parts';

describe('versionSeen', () => {
  it('reads the version from the body or from If-Match as GET sent it', () => {
    expect(versionSeen(7, undefined)).toBe(7);
    expect(versionSeen(undefined, '"7"')).toBe(7);
    expect(versionSeen(undefined, 'W/"12"')).toBe(12);
    expect(versionSeen(3, '"3"')).toBe(3);
  });

  it.each([
    ['neither', undefined, undefined, 'version'],
    ['a header that is no version', undefined, '"*"', 'If-Match'],
    ['the two disagreeing', 3, '"4"', 'version'],
  ])('refuses %s, naming the field', (_case, body, header, field) => {
    try {
      versionSeen(body, header);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors?.map((e) => e.path)).toEqual([field]);
    }
  });
});

describe('IdPipe', () => {
  it('passes a UUID and answers anything else like a missing object', () => {
    const pipe = new IdPipe('Budget');
    expect(pipe.transform('0b6f3a52-2d5c-4c1e-9a57-1f1e2d3c4b5a')).toBe('0b6f3a52-2d5c-4c1e-9a57-1f1e2d3c4b5a');
    expect(() => pipe.transform("1' OR '1'='1")).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
