import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Permission } from './roles';
import { getRequestContext } from './request-holder';
import { TransactionInterceptor } from '../transaction/transaction.interceptor';

export const ALLOW_METADATA_KEY = 'omnitill:allow';

/** Declares who may call a resolver or route. Without it, the auth guard denies every caller. */
export const Allow = (...permissions: readonly Permission[]) => SetMetadata(ALLOW_METADATA_KEY, permissions);

/** Injects the RequestContext (with the open transaction's manager, inside `@Transaction()`). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => getRequestContext(context));

/**
 * Runs the whole mutation in one database transaction: commits on success, rolls back when it
 * throws or returns an ErrorResult, and retries on serialization failures and deadlocks.
 */
export const Transaction = () => applyDecorators(UseInterceptors(TransactionInterceptor));
