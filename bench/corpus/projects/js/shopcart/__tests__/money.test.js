const { roundCents, formatPrice } = require('../src/money');

describe('roundCents', () => {
  test.each([
    [1.006, 1.01],
    [2.674, 2.67],
    [-1.006, -1.01],
    [10, 10],
    [0.1 + 0.2, 0.3],
  ])('rounds %p to %p', (input, expected) => {
    expect(roundCents(input)).toBe(expected);
  });
});

describe('formatPrice', () => {
  test('uses the currency symbol', () => {
    expect(formatPrice(12.5)).toBe('€12.50');
    expect(formatPrice(3, 'USD')).toBe('$3.00');
  });

  test('rejects an unknown currency', () => {
    expect(() => formatPrice(1, 'XYZ')).toThrow('unknown currency: XYZ');
  });
});
