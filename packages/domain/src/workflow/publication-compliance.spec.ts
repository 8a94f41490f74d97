import { addDays, publicationCompliance } from './publication-compliance';

describe('publicationCompliance', () => {
  it('counts 20 calendar days from the 批复, across a month end; the 20th day is still on time', () => {
    expect(addDays('2020-01-25', 20)).toBe('2020-02-14');
    expect(addDays('2020-02-20', 20)).toBe('2020-03-11'); // 2020 is a leap year
    expect(publicationCompliance('2020-01-25', '2020-02-14', '2020-06-01')).toEqual({ repliedOn: '2020-01-25', deadline: '2020-02-14', publishedOn: '2020-02-14', status: 'on-time' });
    expect(publicationCompliance('2020-01-25', '2020-02-15', '2020-06-01').status).toBe('late');
  });

  it('an unpublished budget is due until the deadline and overdue after it', () => {
    expect(publicationCompliance('2020-01-25', null, '2020-02-14')).toEqual({ repliedOn: '2020-01-25', deadline: '2020-02-14', publishedOn: null, status: 'due' });
    expect(publicationCompliance('2020-01-25', null, '2020-02-15').status).toBe('overdue');
  });

  it('runs no clock before the 批复', () => {
    expect(publicationCompliance(null, null, '2020-02-15')).toEqual({ repliedOn: null, deadline: null, publishedOn: null, status: 'not-replied' });
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('2020-1-5', 1)).toThrow(RangeError);
  });
});
