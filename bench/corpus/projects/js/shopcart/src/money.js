'use strict';

/** Round to whole cents, half away from zero. */
function roundCents(value) {
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(value) * 100)) / 100;
}

function formatPrice(value, currency = 'EUR') {
  const symbols = { EUR: '€', USD: '$', GBP: '£' };
  const symbol = symbols[currency];
  if (!symbol) {
    throw new RangeError(`unknown currency: ${currency}`);
  }
  return `${symbol}${roundCents(value).toFixed(2)}`;
}

module.exports = { roundCents, formatPrice };
