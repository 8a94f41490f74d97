import { addDays, daysBetween, daysLate, publicationCompliance, unitDeadlines, unitsCompliance } from './publication-compliance';

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
    expect(() => daysBetween('2020-01-05', '2020-2-1')).toThrow(RangeError);
  });
});

describe('daysLate', () => {
  const today = '2020-03-01';
  it('counts the days a publication came after its deadline, or an unpublished budget is past it, across a month end', () => {
    expect(daysBetween('2020-02-14', '2020-03-01')).toBe(16); // 2020-02 has 29 days
    expect(daysLate(publicationCompliance('2020-01-25', '2020-02-15', today), today)).toBe(1);
    expect(daysLate(publicationCompliance('2020-01-25', null, today), today)).toBe(16);
  });

  it('is 0 on time, within the 20 days, and before the 批复', () => {
    expect(daysLate(publicationCompliance('2020-01-25', '2020-02-14', today), today)).toBe(0);
    expect(daysLate(publicationCompliance('2020-02-20', null, today), today)).toBe(0);
    expect(daysLate(publicationCompliance(null, null, today), today)).toBe(0);
  });
});

describe('unitsCompliance', () => {
  const school = { code: '019001002', name: '示例第一中学', publishedOn: '2020-02-10' };
  const kindergarten = { code: '019001003', name: '示例幼儿园', publishedOn: null };

  it("under a template with a 单位 scope, runs each unit's 20 days from the department's 批复 date", () => {
    expect(unitsCompliance({ template: 'shanghai-district', repliedOn: '2020-01-25' }, [school, kindergarten], '2020-03-01')).toEqual([
      { unit: { code: '019001002', name: '示例第一中学' }, repliedOn: '2020-01-25', deadline: '2020-02-14', publishedOn: '2020-02-10', status: 'on-time', daysLate: 0 },
      { unit: { code: '019001003', name: '示例幼儿园' }, repliedOn: '2020-01-25', deadline: '2020-02-14', publishedOn: null, status: 'overdue', daysLate: 16 },
    ]);
    expect(unitsCompliance({ template: 'shanghai-district', repliedOn: '2020-02-01' }, [{ ...school, publishedOn: '2020-02-25' }], '2020-03-01')?.[0]).toMatchObject({ deadline: '2020-02-21', status: 'late', daysLate: 4 });
    expect(unitsCompliance({ template: 'shanghai-district', repliedOn: '2020-02-20' }, [kindergarten], '2020-03-01')?.[0]).toMatchObject({ status: 'due', daysLate: 0 });
  });

  it('runs no clock for the units before the department has its 批复, and owes nothing of a department without units', () => {
    expect(unitsCompliance({ template: 'shanghai-district', repliedOn: null }, [kindergarten], '2020-03-01')?.map((u) => [u.status, u.deadline])).toEqual([['not-replied', null]]);
    expect(unitsCompliance({ template: 'shanghai-district', repliedOn: '2020-02-20' }, [], '2020-03-01')).toBeUndefined();
  });

  it('owes no 单位预算 under a template without a 单位 scope (Hubei, Jiangsu, or none named): the units are in the 部门预算', () => {
    for (const template of ['hubei-2020', 'jiangsu-province', undefined]) {
      expect(unitsCompliance({ template, repliedOn: '2020-01-25' }, [school, kindergarten], '2020-03-01')).toBeUndefined();
    }
  });
});

describe('unitDeadlines', () => {
  const shanghai = { template: 'shanghai-district', repliedOn: '2020-01-25' }; // deadline 2020-02-14
  const school = { code: '019001002', name: '示例第一中学', publishedOn: null, budgetId: 'school-budget' };
  const kindergarten = { code: '019001003', name: '示例幼儿园', publishedOn: null, budgetId: null };

  it("warns a unit once 5 or fewer of its 20 days are left, and keeps the caller's own facts of the unit", () => {
    expect(unitDeadlines(shanghai, [school], '2020-02-08', 5)).toEqual([]); // 6 days left
    expect(unitDeadlines(shanghai, [school, kindergarten], '2020-02-09', 5)).toEqual([
      { unit: school, deadline: '2020-02-14', notices: ['deadline-near'] },
      { unit: kindergarten, deadline: '2020-02-14', notices: ['deadline-near'] },
    ]);
    // the 20th day is still on time: a warning, not yet overdue
    expect(unitDeadlines(shanghai, [school], '2020-02-14', 5)).toEqual([{ unit: school, deadline: '2020-02-14', notices: ['deadline-near'] }]);
  });

  it('owes an overdue unit the warning too, and the warning days are the caller’s', () => {
    expect(unitDeadlines(shanghai, [school], '2020-02-15', 5)).toEqual([{ unit: school, deadline: '2020-02-14', notices: ['deadline-near', 'deadline-overdue'] }]);
    expect(unitDeadlines(shanghai, [school], '2020-02-08', 6).map((u) => u.notices)).toEqual([['deadline-near']]);
  });

  it('tells nothing of a published unit, before the 批复, or under a template without a 单位 scope', () => {
    expect(unitDeadlines(shanghai, [{ ...school, publishedOn: '2020-02-20' }, kindergarten], '2020-03-01', 5).map((u) => u.unit.code)).toEqual(['019001003']);
    expect(unitDeadlines({ ...shanghai, repliedOn: null }, [school], '2020-03-01', 5)).toEqual([]);
    expect(unitDeadlines({ ...shanghai, template: 'hubei-2020' }, [school], '2020-03-01', 5)).toEqual([]);
  });
});
