import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Cart } = require('../src/cart.js');
const { formatPrice } = require('../src/money.js');

describe('Cart (node:test)', () => {
  it('counts items across lines', () => {
    const cart = new Cart().add('a', 1, 2).add('b', 1, 3);
    assert.equal(cart.itemCount, 5);
  });

  it('computes the total of a simple cart', () => {
    const cart = new Cart().add('book', 12.5, 2, 'zero');
    assert.equal(cart.total(), 25);
  });

  it('keeps summary entries as plain objects', () => {
    const cart = new Cart().add('b', 1).add('a', 2, 2);
    assert.deepEqual(cart.summary(), [{ sku: 'a', quantity: 2 }, { sku: 'b', quantity: 1 }]);
  });

  it('formats prices in pounds', () => {
    assert.equal(formatPrice(7.5, 'GBP'), '£7.50');
  });
});
