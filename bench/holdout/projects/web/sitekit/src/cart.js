export function renderCart(items, format) {
  const rows = items.map(
    (item) =>
      `<li>${item.name} × ${item.quantity}: ${format(item.cents * item.quantity)}</li>`,
  );
  const total = items.reduce(
    (sum, item) => sum + item.cents * item.quantity,
    0,
  );
  return `<ul>${rows.join('')}</ul><p>Total: ${format(total)}</p>`;
}
