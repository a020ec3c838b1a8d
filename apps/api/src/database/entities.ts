import { AUTH_ENTITIES } from '@omnitill/auth';
import { STORE_ENTITIES } from '@omnitill/store';

/** Every entity of every bounded context, for the data source and migration generation. */
export const ALL_ENTITIES = [...STORE_ENTITIES, ...AUTH_ENTITIES];
