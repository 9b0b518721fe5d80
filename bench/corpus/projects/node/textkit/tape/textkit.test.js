'use strict';
const test = require('tape');
const tk = require('../src/textkit');

test('truncate', (t) => {
  t.equal(tk.truncate('abc', 5), 'abc', 'keeps short text');
  t.equal(tk.truncate('abcdefgh', 5), 'abcd…', 'cuts long text with an ellipsis');
  t.end();
});

test('wordWrap', (t) => {
  t.deepEqual(tk.wordWrap('the quick brown fox jumps', 10), ['the quick', 'brown fox', 'jumps'], 'wraps at the width');
  t.deepEqual(tk.wordWrap('', 10), [], 'no lines for empty text');
  t.end();
});

test('render', (t) => {
  t.equal(tk.render('{{a}}+{{b}}', { a: 1, b: 2 }), '1+2', 'fills two variables');
  t.throws(() => tk.render('{{ zip }}', {}), /missing variable "zip"/, 'throws an error naming the variable');
  t.end();
});

test('parseQuery', (t) => {
  t.deepEqual(tk.parseQuery('a=1&b=2'), { a: '1', b: '2' }, 'reads pairs');
  t.deepEqual(tk.parseQuery('x=1&x=2'), { x: ['1', '2'] }, 'collects repeated keys');
  t.end();
});

test('formatDuration', (t) => {
  t.equal(tk.formatDuration(61000), '1m 1s', 'minutes and seconds');
  t.equal(tk.formatDuration(7200000), '2h', 'whole hours');
  t.end();
});
