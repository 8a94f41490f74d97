import { RecentBuilds } from './recent-builds';

const bytes = (value: string) => value.length;

function counted(value: string): { make: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    make: () => {
      calls += 1;
      return Promise.resolve(value);
    },
    calls: () => calls,
  };
}

describe('RecentBuilds', () => {
  it('makes a value once however many ask for it at the same time', async () => {
    const builds = new RecentBuilds<string>(100, bytes);
    let release: (value: string) => void = () => undefined;
    let calls = 0;
    const make = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const asks = [builds.get('a', make), builds.get('a', make), builds.get('a', make)];
    release('abc');
    expect(await Promise.all(asks)).toEqual(['abc', 'abc', 'abc']);
    expect(calls).toBe(1);
    expect(await builds.get('a', make)).toBe('abc');
    expect(calls).toBe(1);
  });

  it('keeps the most recently asked within its byte budget and drops the oldest first', async () => {
    const builds = new RecentBuilds<string>(10, bytes);
    const a = counted('aaaa');
    const b = counted('bbbb');
    const c = counted('cccc');
    await builds.get('a', a.make);
    await builds.get('b', b.make);
    await builds.get('a', a.make); // a is now the most recent
    await builds.get('c', c.make); // 12 bytes: b, the oldest, goes
    expect(builds.keptBytes).toBe(8);
    await builds.get('a', a.make);
    await builds.get('b', b.make);
    expect(a.calls()).toBe(1);
    expect(b.calls()).toBe(2);
  });

  it('does not keep a value larger than the whole budget, nor a failed making', async () => {
    const builds = new RecentBuilds<string>(3, bytes);
    const big = counted('too big');
    expect(await builds.get('big', big.make)).toBe('too big');
    await builds.get('big', big.make);
    expect(big.calls()).toBe(2);
    expect(builds.keptBytes).toBe(0);

    let attempts = 0;
    const flaky = () => (++attempts === 1 ? Promise.reject(new Error('lost connection')) : Promise.resolve('ok'));
    await expect(builds.get('f', flaky)).rejects.toThrow('lost connection');
    expect(await builds.get('f', flaky)).toBe('ok');
    expect(attempts).toBe(2);
  });

  it('drops a key on demand and counts its bytes out', async () => {
    const builds = new RecentBuilds<string>(100, bytes);
    const a = counted('aaaa');
    await builds.get('a', a.make);
    builds.drop('a');
    expect(builds.keptBytes).toBe(0);
    await builds.get('a', a.make);
    expect(a.calls()).toBe(2);
  });
});
