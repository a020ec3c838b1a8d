import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { getRequestContext, setRequestContext } from '../context/request-holder';
import { TransactionRunner } from './transaction-runner';

@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(private readonly transactions: TransactionRunner) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const outer = getRequestContext(context);
    return from(
      this.transactions.run(outer, async (ctx) => {
        // The handler reads the context through @Ctx(), so the transactional copy must be visible
        // there for the duration of this attempt.
        setRequestContext(context, ctx);
        try {
          return await lastValueFrom(next.handle());
        } finally {
          setRequestContext(context, outer);
        }
      }),
    );
  }
}
