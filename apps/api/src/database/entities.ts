import { AUTH_ENTITIES } from '@omnitill/auth';
import { CATALOG_ENTITIES } from '@omnitill/catalog';
import { INVENTORY_ENTITIES } from '@omnitill/inventory';
import { STORE_ENTITIES } from '@omnitill/store';

/** Every entity of every bounded context, for the data source and migration generation. */
export const ALL_ENTITIES = [...STORE_ENTITIES, ...AUTH_ENTITIES, ...CATALOG_ENTITIES, ...INVENTORY_ENTITIES];
