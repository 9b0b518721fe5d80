export function formatPrice(cents, currency = 'EUR') {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
    cents / 100,
  );
}
