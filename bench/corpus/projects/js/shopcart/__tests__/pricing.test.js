const { taxFor, couponDiscount, bulkDiscount } = require('../src/pricing');

describe('taxFor', () => {
  test('standard band is 20%', () => {
    expect(taxFor(100)).toBe(20);
  });
  test('reduced band is 5%', () => {
    expect(taxFor(19.99, 'reduced')).toBe(1);
  });
  test('unknown band throws', () => {
    expect(() => taxFor(1, 'luxury')).toThrow(/unknown tax band/);
  });
});

describe('couponDiscount', () => {
  test.each([
    ['SAVE10', 0.1],
    ['SAVE5', 0.05],
    ['SAVE100', 0],
    ['save10', 0],
    [null, 0],
  ])('%s gives %p', (code, expected) => {
    expect(couponDiscount(code)).toBe(expected);
  });
});

describe('bulkDiscount', () => {
  test('thresholds', () => {
    expect([1, 9, 10, 99, 100, 500].map(bulkDiscount)).toEqual([0, 0, 0.05, 0.05, 0.15, 0.15]);
  });
});
