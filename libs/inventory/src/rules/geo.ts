/** Mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km between two points (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const h =
    Math.sin(radians(lat2 - lat1) / 2) ** 2 +
    Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The same formula in SQL, so stores are ordered by distance in the database. */
export function haversineSql(latColumn: string, lonColumn: string, latParam: string, lonParam: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${latColumn} - ${latParam}) / 2), 2)
    + cos(radians(${latParam})) * cos(radians(${latColumn})) * power(sin(radians(${lonColumn} - ${lonParam}) / 2), 2)))))`;
}

/** Distances are shown to 0.1 km. */
export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
