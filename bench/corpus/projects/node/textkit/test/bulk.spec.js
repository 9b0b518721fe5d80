'use strict';
// Property-style checks over generated inputs; TEXTKIT_BULK=N runs N cases per property (default 2).
const assert = require('node:assert/strict');
const tk = require('../src/textkit');

const bulk = Number(process.env.TEXTKIT_BULK || 2);

describe('truncate never exceeds its limit', () => {
  for (let n = 1; n <= bulk; n++) {
    it(`limit ${n} on ${n * 3} characters`, () => assert.ok(tk.truncate('x'.repeat(n * 3), n).length <= n));
  }
});

describe('wordWrap keeps every word', () => {
  for (let n = 1; n <= bulk; n++) {
    it(`${n} words at width ${8 + (n % 7)}`, () => {
      const words = Array.from({ length: n }, (_, i) => `w${i}`);
      assert.deepEqual(tk.wordWrap(words.join(' '), 8 + (n % 7)).join(' ').split(' '), words);
    });
  }
});

describe('formatDuration round numbers', () => {
  for (let n = 1; n <= bulk; n++) {
    it(`${n} minutes`, () => assert.match(tk.formatDuration(n * 60000), /^(\d+h)?( ?\d+m)?$/));
  }
});
