import { CreateProductInput } from '@omnitill/catalog';
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

/** Completes a 12-digit GS1 prefix with its mod-10 check digit (EAN-13). */
function ean13(prefix12: string): string {
  const sum = [...prefix12].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${prefix12}${(10 - (sum % 10)) % 10}`;
}

interface DemoProduct {
  readonly name: string;
  readonly brand: string;
  readonly skuPrefix: string;
  readonly priceAmount: number;
  readonly colour: string;
  readonly sizes: readonly string[];
}

const SHOE_SIZES = ['39', '40', '41', '42', '43', '44'];
const APPAREL_SIZES = ['S', 'M', 'L', 'XL'];

const DEMO_PRODUCT_LIST: readonly DemoProduct[] = [
  { name: 'Trail Runner 2', brand: 'Northpeak', skuPrefix: 'TR2', priceAmount: 12999, colour: 'blue', sizes: SHOE_SIZES },
  { name: 'City Sneaker', brand: 'Urbanfoot', skuPrefix: 'CSN', priceAmount: 8999, colour: 'white', sizes: SHOE_SIZES },
  { name: 'Road Racer', brand: 'Northpeak', skuPrefix: 'RRC', priceAmount: 14999, colour: 'red', sizes: SHOE_SIZES },
  { name: 'Leather Chelsea Boot', brand: 'Hartwell', skuPrefix: 'LCB', priceAmount: 17999, colour: 'brown', sizes: SHOE_SIZES },
  { name: 'Canvas Low', brand: 'Urbanfoot', skuPrefix: 'CVL', priceAmount: 5999, colour: 'black', sizes: SHOE_SIZES },
  { name: 'Hiking Boot Pro', brand: 'Northpeak', skuPrefix: 'HBP', priceAmount: 18999, colour: 'olive', sizes: SHOE_SIZES },
  { name: 'Running Socks 3-pack', brand: 'Northpeak', skuPrefix: 'RSK', priceAmount: 1499, colour: 'grey', sizes: ['39-42', '43-46'] },
  { name: 'Merino Socks', brand: 'Hartwell', skuPrefix: 'MSK', priceAmount: 1999, colour: 'navy', sizes: ['39-42', '43-46'] },
  { name: 'Performance Tee', brand: 'Northpeak', skuPrefix: 'PTE', priceAmount: 3499, colour: 'black', sizes: APPAREL_SIZES },
  { name: 'Organic Cotton Tee', brand: 'Loomhaus', skuPrefix: 'OCT', priceAmount: 2499, colour: 'white', sizes: APPAREL_SIZES },
  { name: 'Rain Shell Jacket', brand: 'Northpeak', skuPrefix: 'RSJ', priceAmount: 15999, colour: 'yellow', sizes: APPAREL_SIZES },
  { name: 'Down Vest', brand: 'Hartwell', skuPrefix: 'DVS', priceAmount: 11999, colour: 'navy', sizes: APPAREL_SIZES },
  { name: 'Fleece Hoodie', brand: 'Loomhaus', skuPrefix: 'FHD', priceAmount: 6999, colour: 'grey', sizes: APPAREL_SIZES },
  { name: 'Running Shorts', brand: 'Northpeak', skuPrefix: 'RSH', priceAmount: 3999, colour: 'black', sizes: APPAREL_SIZES },
  { name: 'Trail Tights', brand: 'Northpeak', skuPrefix: 'TTI', priceAmount: 5999, colour: 'black', sizes: APPAREL_SIZES },
  { name: 'Wool Beanie', brand: 'Hartwell', skuPrefix: 'WBN', priceAmount: 2999, colour: 'red', sizes: ['ONE'] },
  { name: 'Cap Classic', brand: 'Urbanfoot', skuPrefix: 'CAP', priceAmount: 2499, colour: 'navy', sizes: ['ONE'] },
  { name: 'Daypack 20L', brand: 'Northpeak', skuPrefix: 'DP20', priceAmount: 7999, colour: 'green', sizes: ['ONE'] },
  { name: 'Insoles Comfort', brand: 'Hartwell', skuPrefix: 'INS', priceAmount: 2999, colour: 'beige', sizes: ['S', 'M', 'L'] },
  { name: 'Shoe Care Kit', brand: 'Hartwell', skuPrefix: 'SCK', priceAmount: 1999, colour: 'none', sizes: ['ONE'] },
];

/** ~20 products with sizes (about 80 variants), prices in EUR minor units, valid EAN-13 barcodes. */
export const DEMO_PRODUCTS: CreateProductInput[] = DEMO_PRODUCT_LIST.map((product, productIndex) => ({
  name: product.name,
  brand: product.brand,
  description: `${product.brand} ${product.name}`,
  active: true,
  variants: product.sizes.map((size, sizeIndex) => ({
    sku: `${product.skuPrefix}-${product.colour.slice(0, 3).toUpperCase()}-${size}`,
    barcode: ean13(`400638${String(productIndex).padStart(3, '0')}${String(sizeIndex).padStart(3, '0')}`),
    name: `${product.name} ${product.colour} ${size}`,
    size,
    colour: product.colour,
    priceAmount: product.priceAmount,
    currency: 'EUR',
    active: true,
  })),
}));
