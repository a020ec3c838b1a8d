/** 1-64 letters, digits, dots, underscores or dashes. */
export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * SKUs are stored and matched upper-cased, so "run-42" and "RUN-42" are the same SKU: cashiers type
 * them, labels print them in either case, and a case-only difference is never a different item.
 */
export function normaliseSku(sku: string): string {
  return sku.toUpperCase();
}
