/**
 * Standard VAT rates in basis points by store country (prices are tax-inclusive). Reduced rates
 * (books, food) need a product tax class, which the catalog does not have yet: replace
 * TaxRatePolicy when it does.
 */
export const STANDARD_VAT_RATES_BP: Readonly<Record<string, number>> = {
  AT: 2000, BE: 2100, CH: 810, CZ: 2100, DE: 1900, DK: 2500, ES: 2100, FI: 2550, FR: 2000, GB: 2000,
  IE: 2300, IT: 2200, LU: 1700, NL: 2100, NO: 2500, PL: 2300, PT: 2300, SE: 2500,
};
