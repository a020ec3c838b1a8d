import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '@omnitill/common';
import { mapError } from './error-mapping';

const HTTP_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** The one exception filter: GraphQL errors carry `extensions.code`; HTTP routes get the same body. */
@Catch()
export class AllExceptionsFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): GraphQLError | undefined {
    if (host.getType<string>() === 'graphql') {
      const context = GqlArgumentsHost.create(host).getContext<{ reply?: { request: FastifyRequest } }>();
      const { message, extensions } = mapError(exception, context.reply?.request.id ?? 'unknown');
      return new GraphQLError(message, { extensions });
    }
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { message, extensions } = mapError(exception, request.id);
    void reply.status(HTTP_STATUS[String(extensions.code)] ?? 500).send({ error: { message, ...extensions } });
    return undefined;
  }
}
