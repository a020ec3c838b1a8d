import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, Permission, RequestContext, createResultUnion, isErrorResult, ForbiddenException } from '@omnitill/common';
import { LoginInput } from './inputs/staff-user.input';
import { StaffSessionType, StaffUserType } from './types/auth.type';
import {
  InvalidCredentialsError, InvalidTerminalKeyError, LoginThrottledError, NotStoreMemberError,
} from '../errors/auth.errors';
import { StaffAuthService, StaffSession } from '../services/staff-auth.service';
import { StaffAdminService } from '../services/staff-admin.service';

export const LoginResult = createResultUnion('LoginResult', StaffSessionType, [InvalidCredentialsError, LoginThrottledError]);
export const TerminalLoginResult = createResultUnion('TerminalLoginResult', StaffSessionType, [
  InvalidCredentialsError, LoginThrottledError, InvalidTerminalKeyError, NotStoreMemberError,
]);

function toSession(session: StaffSession): StaffSessionType {
  return Object.assign(new StaffSessionType(), {
    token: session.token,
    expiresAt: session.expiresAt,
    user: StaffUserType.from({ user: session.user, storeIds: session.storeIds }),
    terminalId: session.terminal?.id ?? null,
    storeId: session.terminal?.storeId ?? null,
  });
}

interface GraphQLHttpContext {
  reply: { request: { headers: Record<string, string | string[] | undefined> } };
}

// Logins deliberately run without @Transaction: the attempt must be recorded even when the
// result is an error (which would roll a transaction back).
@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: StaffAuthService,
    private readonly staff: StaffAdminService,
  ) {}

  @Mutation(() => LoginResult, { description: 'Back-office staff login (email + password).' })
  @Allow(Permission.PUBLIC)
  async login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput): Promise<typeof LoginResult> {
    const result = await this.auth.login(ctx, input.email, input.password);
    return isErrorResult(result) ? result : toSession(result);
  }

  @Mutation(() => TerminalLoginResult, {
    description: 'Staff login on a POS terminal: send the terminal key as the x-terminal-key header. The session acts only in that store.',
  })
  @Allow(Permission.PUBLIC)
  async terminalLogin(
    @Ctx() ctx: RequestContext,
    @Context() gqlContext: GraphQLHttpContext,
    @Args('input') input: LoginInput,
  ): Promise<typeof TerminalLoginResult> {
    const header = gqlContext.reply.request.headers['x-terminal-key'];
    const result = await this.auth.terminalLogin(ctx, typeof header === 'string' ? header : undefined, input.email, input.password);
    return isErrorResult(result) ? result : toSession(result);
  }

  @Query(() => StaffUserType, { description: 'The signed-in staff user.' })
  @Allow(...AnyStaff)
  async me(@Ctx() ctx: RequestContext): Promise<StaffUserType> {
    const staff = ctx.staff;
    if (!staff) {
      throw new ForbiddenException();
    }
    return StaffUserType.from(await this.staff.getWithStores(ctx, staff.userId));
  }
}
