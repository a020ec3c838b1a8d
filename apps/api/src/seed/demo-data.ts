import { CreateStoreInput } from '@omnitill/store';

/** Demo only: every demo staff user has this password. Never used outside the demo seed. */
export const DEMO_PASSWORD = 'omnitill-demo';

const weekdays = [1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, opens: '10:00', closes: '20:00' }));

export const DEMO_STORES: CreateStoreInput[] = [
  {
    code: 'BER-MITTE', name: 'omnitill Berlin Mitte', timezone: 'Europe/Berlin', latitude: 52.5246, longitude: 13.4027,
    address: { line1: 'Rosenthaler Str. 40', city: 'Berlin', postalCode: '10178', countryCode: 'DE' },
    openingHours: weekdays, sells: true, holdsStock: true, offersPickup: true, pickupPromiseMinutes: 120, holdPeriodDays: 7,
  },
  {
    code: 'BER-KREUZ', name: 'omnitill Berlin Kreuzberg', timezone: 'Europe/Berlin', latitude: 52.4986, longitude: 13.4034,
    address: { line1: 'Oranienstr. 12', city: 'Berlin', postalCode: '10999', countryCode: 'DE' },
    openingHours: weekdays, sells: true, holdsStock: true, offersPickup: true, pickupPromiseMinutes: 60, holdPeriodDays: 5,
  },
  {
    code: 'BER-PBERG', name: 'omnitill Berlin Prenzlauer Berg', timezone: 'Europe/Berlin', latitude: 52.5388, longitude: 13.4244,
    address: { line1: 'Kastanienallee 77', city: 'Berlin', postalCode: '10435', countryCode: 'DE' },
    openingHours: weekdays, sells: true, holdsStock: true, offersPickup: false, pickupPromiseMinutes: 240, holdPeriodDays: 7,
  },
];
