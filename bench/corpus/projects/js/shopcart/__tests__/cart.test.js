const { Cart } = require('../src/cart');

function sampleCart() {
  return new Cart().add('apple', 0.5, 6).add('bread', 2.2, 1, 'reduced').add('wine', 9.99, 2);
}

describe('Cart', () => {
  test('counts items', () => {
    expect(sampleCart().itemCount).toBe(9);
  });

  test('adds the same sku twice', () => {
    const cart = new Cart().add('apple', 0.5, 2).add('apple', 0.5, 3);
    expect(cart.summary()).toEqual([{ sku: 'apple', quantity: 5 }]);
  });

  test('subtotal applies bulk discount per line', () => {
    const cart = new Cart().add('screw', 0.1, 100).add('nail', 0.05, 10);
    expect(cart.subtotal()).toBe(8.98);
  });

  test('tax uses each line band', () => {
    expect(sampleCart().tax()).toBe(4.71);
  });

  test('total with coupon', () => {
    expect(sampleCart().applyCoupon('SAVE10').total()).toBe(26.9);
  });

  test('summary is sorted by sku', () => {
    const cart = new Cart().add('pear', 1).add('apple', 1).add('fig', 1);
    expect(cart.summary().map((l) => l.sku)).toEqual(['apple', 'fig', 'pear']);
  });

  test('rejects a fractional quantity', () => {
    expect(() => new Cart().add('apple', 1, 1.5)).toThrow(TypeError);
  });

  test('remove of a missing sku throws', () => {
    expect(() => new Cart().remove('ghost')).toThrow('no such item: ghost');
  });
});
