import { textProblem, ZLineText, ZText } from './text.schema';

describe('the shared text schemas', () => {
  it('refuse NUL, the other C0 controls and lone surrogates, naming what is wrong', () => {
    expect(textProblem('a\u0000b', true)).toBe('may not contain NUL (U+0000)');
    expect(textProblem('a\u001Bb', true)).toBe('may not contain the control character U+001B');
    expect(textProblem('a\uD800b', true)).toBe('may not contain a lone UTF-16 surrogate (not a character)');
    expect(textProblem('\uDE00', false)).toBe('may not contain a lone UTF-16 surrogate (not a character)');
  });

  it('take tab and line breaks in free text only, and any well-formed character', () => {
    expect(ZText.safeParse('第一段\r\n第二段\t完').success).toBe(true);
    expect(ZLineText.safeParse('第一段\n第二段').error?.issues[0]?.message).toBe('may not contain the control character U+000A');
    expect(ZLineText.safeParse('表情 😀 ＝ 全角').success).toBe(true);
  });

  it('compose with the usual string checks', () => {
    const name = ZLineText.trim().min(1).max(5);
    expect(name.parse('  abc  ')).toBe('abc');
    expect(name.safeParse('a\u0000').error?.issues.map((i) => i.message)).toEqual(['may not contain NUL (U+0000)']);
  });
});
