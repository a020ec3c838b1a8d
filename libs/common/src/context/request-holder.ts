import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context';

export const REQUEST_CONTEXT_KEY = 'omnitillRequestContext';

export interface RequestHolder {
  [REQUEST_CONTEXT_KEY]?: RequestContext;
}

/** Finds the underlying HTTP request for a GraphQL or HTTP execution context. */
export function requestOf(context: ExecutionContext): RequestHolder & Record<string, unknown> {
  if (context.getType<string>() === 'graphql') {
    const gqlContext = GqlExecutionContext.create(context).getContext<{ reply?: { request: RequestHolder & Record<string, unknown> }; req?: RequestHolder & Record<string, unknown> }>();
    const request = gqlContext.reply?.request ?? gqlContext.req;
    if (!request) {
      throw new Error('GraphQL context has no request');
    }
    return request;
  }
  return context.switchToHttp().getRequest<RequestHolder & Record<string, unknown>>();
}

export function getRequestContext(context: ExecutionContext): RequestContext {
  const request = requestOf(context);
  const ctx = request[REQUEST_CONTEXT_KEY];
  if (!ctx) {
    throw new Error('RequestContext missing: is the auth guard registered?');
  }
  return ctx;
}

export function setRequestContext(context: ExecutionContext, ctx: RequestContext): void {
  requestOf(context)[REQUEST_CONTEXT_KEY] = ctx;
}

