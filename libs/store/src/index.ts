import { StoreEntity } from './entities/store.entity';
import { TerminalEntity } from './entities/terminal.entity';

export { StoreModule } from './store.module';
export { StoreService } from './services/store.service';
export { TerminalService, TerminalRegistration } from './services/terminal.service';
export { StoreEntity, OpeningHoursEntry } from './entities/store.entity';
export { TerminalEntity } from './entities/terminal.entity';
export { AddressType, StoreType } from './api/types/store.type';
export { AddressInput, CreateStoreInput, UpdateStoreInput, StoreSortField } from './api/inputs/store.input';
export { DuplicateStoreCodeError } from './errors/store.errors';

export const STORE_ENTITIES = [StoreEntity, TerminalEntity];
