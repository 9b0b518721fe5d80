'use strict';
const assert = require('node:assert/strict');
const tk = require('../src/textkit');

describe('truncate', () => {
  it('keeps short text', () => assert.equal(tk.truncate('abc', 5), 'abc'));
  it('cuts long text with an ellipsis', () => assert.equal(tk.truncate('abcdefgh', 5), 'abcd…'));
  it('accepts a custom ellipsis', () => assert.equal(tk.truncate('abcdefgh', 6, '...'), 'abc...'));
});

describe('wordWrap', () => {
  it('wraps at the width', () => {
    assert.deepEqual(tk.wordWrap('the quick brown fox jumps', 10), ['the quick', 'brown fox', 'jumps']);
  });
  it('keeps a long word on its own line', () => {
    assert.deepEqual(tk.wordWrap('a extraordinarily b', 5), ['a', 'extraordinarily', 'b']);
  });
  it('collapses runs of spaces', () => assert.deepEqual(tk.wordWrap('  a   b  ', 10), ['a b']));
});

describe('render', () => {
  it('fills variables', () => assert.equal(tk.render('Hi {{ name }}!', { name: 'Ada' }), 'Hi Ada!'));
  it('fills a variable twice', () => assert.equal(tk.render('{{x}}-{{x}}', { x: 1 }), '1-1'));
  it('throws an error for a missing variable', () => {
    assert.throws(() => tk.render('{{ who }}', {}), { name: 'TemplateError', message: 'missing variable "who"' });
  });
  it('includes with string error message', () => {
    assert.throws(() => tk.render('{{ order }}', {}), /missing variable "order"/);
  });
  it('keeps the variable name on the error', () => {
    try {
      tk.render('{{ cart }}', {});
      assert.fail('no error thrown');
    } catch (error) {
      assert.equal(error.variable, 'cart');
    }
  });
});

describe('parseQuery', () => {
  it('reads pairs', () => assert.deepEqual(tk.parseQuery('?a=1&b=two'), { a: '1', b: 'two' }));
  it('decodes plus and percent escapes', () => assert.deepEqual(tk.parseQuery('q=red+shoes%21'), { q: 'red shoes!' }));
  it('collects repeated keys', () => assert.deepEqual(tk.parseQuery('t=a&t=b&t=c'), { t: ['a', 'b', 'c'] }));
  it('keeps keys without a value', () => assert.deepEqual(tk.parseQuery('debug'), { debug: '' }));
});

describe('formatDuration', () => {
  it('shows milliseconds under a second', () => assert.equal(tk.formatDuration(250), '250 ms'));
  it('shows minutes and seconds', () => assert.equal(tk.formatDuration(125000), '2m 5s'));
  it('drops zero seconds', () => assert.equal(tk.formatDuration(3600000), '1h'));
  it('shows hours minutes seconds', () => assert.equal(tk.formatDuration(3723000), '1h 2m 3s'));
});

describe('errorSummary', () => {
  it('names the error type', () => assert.equal(tk.errorSummary(new TypeError('bad')), 'TypeError: bad'));
  it('handles a thrown string as an error', () => assert.equal(tk.errorSummary('boom'), 'Error: boom'));
  it('reports a TemplateError error message', () => {
    assert.equal(tk.errorSummary(new tk.TemplateError('missing variable "x"', 'x')), 'TemplateError: missing variable "x"');
  });
});
