/* Jasmine specs, run by the jasmine CLI in node and by karma in Chrome Headless. */
/* global textkit */
const tk = typeof require === 'function' ? require('../src/textkit') : textkit;

describe('truncate', () => {
  it('keeps short text', () => expect(tk.truncate('abc', 5)).toBe('abc'));
  it('cuts long text with an ellipsis', () => expect(tk.truncate('abcdefgh', 5)).toBe('abcd…'));
});

describe('wordWrap', () => {
  it('wraps at the width', () => {
    expect(tk.wordWrap('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
  });
  it('returns no lines for blank text', () => expect(tk.wordWrap('   ', 10)).toEqual([]));
});

describe('render', () => {
  it('fills variables', () => expect(tk.render('Hi {{ name }}!', { name: 'Ada' })).toBe('Hi Ada!'));
  it('throws a TemplateError for a missing variable', () => {
    expect(() => tk.render('{{ who }}', {})).toThrowError(tk.TemplateError, 'missing variable "who"');
  });
});

describe('parseQuery', () => {
  it('reads pairs', () => expect(tk.parseQuery('?a=1&b=two')).toEqual({ a: '1', b: 'two' }));
  it('collects repeated keys', () => expect(tk.parseQuery('t=a&t=b')).toEqual({ t: ['a', 'b'] }));
  it('decodes percent escapes', () => expect(tk.parseQuery('q=caf%C3%A9')).toEqual({ q: 'café' }));
});

describe('formatDuration', () => {
  it('shows milliseconds under a second', () => expect(tk.formatDuration(999)).toBe('999 ms'));
  it('shows minutes and seconds', () => expect(tk.formatDuration(125000)).toBe('2m 5s'));
  it('drops zero minutes', () => expect(tk.formatDuration(3605000)).toBe('1h 5s'));
});

describe('errorSummary', () => {
  it('names the error type', () => expect(tk.errorSummary(new RangeError('too far'))).toBe('RangeError: too far'));
});
