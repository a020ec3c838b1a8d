import { Inject, Injectable } from '@nestjs/common';
import { BadInputException, ForbiddenException, RequestContext } from '@omnitill/common';
import { ReportPeriodInput } from '../api/inputs/report.input';
import { REPORTING_OPTIONS, ReportingOptions } from '../reporting.options';
import { reportPeriodProblem, reportStoreFilter } from '../rules/report-period';

export interface ScopedPeriod {
  readonly from: Date;
  readonly to: Date;
  /** null: every store. */
  readonly storeIds: readonly string[] | null;
}

/** Checks a report's period and narrows it to the stores the caller may see. */
@Injectable()
export class ReportScopeService {
  constructor(@Inject(REPORTING_OPTIONS) private readonly options: ReportingOptions) {}

  /**
   * Throws BAD_USER_INPUT for a reversed, empty or too long period, and FORBIDDEN when the caller
   * names a store outside their scope. Without storeIds a store manager gets their own stores.
   */
  resolve(ctx: RequestContext, input: ReportPeriodInput): ScopedPeriod {
    const problem = reportPeriodProblem(input, this.options.maxRangeDays);
    if (problem) {
      throw new BadInputException(`Invalid report period: ${problem}`, [{ field: 'to', messages: [problem] }]);
    }
    const filter = reportStoreFilter(ctx.storeScope, input.storeIds);
    if (filter.kind === 'forbidden') {
      throw new ForbiddenException('You cannot see reports of a store you do not work in');
    }
    return { from: input.from, to: input.to, storeIds: filter.storeIds };
  }

  get assistedWindowDays(): number {
    return this.options.assistedWindowDays;
  }
}
