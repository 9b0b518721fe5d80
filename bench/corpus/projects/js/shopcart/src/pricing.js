'use strict';

const { roundCents } = require('./money');

const TAX_RATES = { standard: 0.2, reduced: 0.05, zero: 0 };

function taxFor(amount, band = 'standard') {
  if (!(band in TAX_RATES)) {
    throw new Error(`unknown tax band "${band}"`);
  }
  return roundCents(amount * TAX_RATES[band]);
}

/** Percentage discount for a coupon code, or 0. */
function couponDiscount(code) {
  const match = /^SAVE(\d{1,2})$/.exec(code || '');
  return match ? Number(match[1]) / 100 : 0;
}

function bulkDiscount(quantity) {
  if (quantity >= 100) return 0.15;
  if (quantity >= 10) return 0.05;
  return 0;
}

module.exports = { TAX_RATES, taxFor, couponDiscount, bulkDiscount };
