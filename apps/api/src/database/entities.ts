import { AUTH_ENTITIES } from '@omnitill/auth';
import { CATALOG_ENTITIES } from '@omnitill/catalog';
import { COUPON_ENTITIES } from '@omnitill/coupon';
import { CUSTOMER_ENTITIES } from '@omnitill/customer';
import { EVENTS_ENTITIES } from '@omnitill/events';
import { INVENTORY_ENTITIES } from '@omnitill/inventory';
import { ORDER_ENTITIES } from '@omnitill/order';
import { RECOMMENDATION_ENTITIES } from '@omnitill/recommendation';
import { REPORTING_ENTITIES } from '@omnitill/reporting';
import { RETURNS_ENTITIES } from '@omnitill/returns';
import { STORE_ENTITIES } from '@omnitill/store';

/** Every entity of every bounded context, for the data source and migration generation. */
export const ALL_ENTITIES = [...STORE_ENTITIES, ...AUTH_ENTITIES, ...CATALOG_ENTITIES, ...CUSTOMER_ENTITIES, ...COUPON_ENTITIES, ...EVENTS_ENTITIES, ...INVENTORY_ENTITIES, ...ORDER_ENTITIES, ...RETURNS_ENTITIES, ...REPORTING_ENTITIES, ...RECOMMENDATION_ENTITIES];
