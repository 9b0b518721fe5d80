import { Availability, Product, StockLevel, availability, indexBySku } from './inventory';

export interface CatalogEntry {
  product: Product;
  status: Availability;
}

export function buildCatalog(products: Product[], levels: StockLevel[]): CatalogEntry[] {
  const bySku = indexBySku(products);
  const entries: CatalogEntry[] = [];
  for (const level of levels) {
    const product = bySku.get(level.sku);
    if (product === undefined) continue;
    entries.push({ product, status: availability(level) });
  }
  return entries.sort((a, b) => a.product.name.localeCompare(b.product.name));
}

export function tagged(entries: CatalogEntry[], tag: string): string[] {
  return entries.filter((e) => e.product.tags.includes(tag)).map((e) => e.product.sku);
}

export function priceRange(entries: CatalogEntry[]): [number, number] | null {
  if (entries.length === 0) return null;
  const prices = entries.map((e) => e.product.price);
  return [Math.min(...prices), Math.max(...prices)];
}
