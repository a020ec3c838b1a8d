import { haversineKm, roundToTenth } from './geo';

describe('haversineKm', () => {
  it('is 0 for the same point', () => {
    expect(haversineKm(52.52, 13.405, 52.52, 13.405)).toBe(0);
  });

  it('matches known distances', () => {
    // Berlin Alexanderplatz -> Munich Marienplatz, about 504 km.
    expect(haversineKm(52.5219, 13.4132, 48.1374, 11.5755)).toBeCloseTo(504.4, 0);
    // One degree of latitude is about 111.2 km everywhere.
    expect(haversineKm(10, 20, 11, 20)).toBeCloseTo(111.2, 1);
    // Half the globe.
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371.0088, 3);
  });

  it('is symmetric and works across the antimeridian', () => {
    expect(haversineKm(1, 179.5, 1, -179.5)).toBeCloseTo(haversineKm(1, -179.5, 1, 179.5), 9);
    expect(haversineKm(1, 179.5, 1, -179.5)).toBeLessThan(112);
  });
});

describe('roundToTenth', () => {
  it.each([
    [1.04, 1],
    [1.05, 1.1],
    [12.345, 12.3],
    [0, 0],
  ])('%p -> %p', (value, expected) => {
    expect(roundToTenth(value)).toBe(expected);
  });
});
