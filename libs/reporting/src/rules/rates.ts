/** A share as a fraction rounded to 4 decimals (0.1234 = 12.34 %), or null when nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) {
    return null;
  }
  return Math.round((part * 10_000) / whole) / 10_000;
}

/** An average amount in integer minor units, rounded half away from zero; 0 with no sales. */
export function averageAmount(total: number, count: number): number {
  if (count <= 0) {
    return 0;
  }
  const average = Math.round(Math.abs(total) / count);
  return total < 0 ? -average : average;
}

/** Minutes rounded to one decimal, or null. */
export function roundMinutes(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes * 10) / 10;
}
