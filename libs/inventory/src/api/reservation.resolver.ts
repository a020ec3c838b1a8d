import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Clock, Ctx, isErrorResult, Permission, RequestContext, Transaction } from '@omnitill/common';
import { InventoryReservationService } from '../services/inventory-reservation.service';
import { ReservationExpiryJob } from '../services/reservation-expiry.job';
import { CommitReservationInput, ReleaseReservationArgs, ReserveStockInput } from './inputs/reservation.input';
import { CommitReservationResult, ReleaseReservationResult, ReserveStockResult } from './results/inventory.result';
import { ReservationCommitType, StockMovementType } from './types/stock-enums.type';
import { StockReservationType } from './types/stock-reservation.type';

/**
 * Reservations for integrations and back office (orders reserve through InventoryReservationService
 * directly). Admins only.
 */
@Resolver(() => StockReservationType)
export class ReservationResolver {
  constructor(
    private readonly reservations: InventoryReservationService,
    private readonly expiry: ReservationExpiryJob,
    private readonly clock: Clock,
  ) {}

  @Query(() => StockReservationType)
  @Allow(Permission.ADMIN)
  async stockReservation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<StockReservationType> {
    return StockReservationType.fromEntity(await this.reservations.getById(ctx, id));
  }

  @Mutation(() => ReserveStockResult, { description: 'Holds every line at a store, or nothing (InsufficientStockError).' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async reserveStock(@Ctx() ctx: RequestContext, @Args('input') input: ReserveStockInput): Promise<typeof ReserveStockResult> {
    const expiresAt = new Date(this.clock.now().getTime() + input.ttlSeconds * 1000);
    const result = await this.reservations.reserve(ctx, { ...input, expiresAt });
    return isErrorResult(result) ? result : StockReservationType.fromEntity(result);
  }

  @Mutation(() => ReleaseReservationResult, { description: 'Gives the held units back.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async releaseReservation(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args() args: ReleaseReservationArgs,
  ): Promise<typeof ReleaseReservationResult> {
    const result = await this.reservations.release(ctx, id, args.reason);
    return isErrorResult(result) ? result : StockReservationType.fromEntity(result);
  }

  @Mutation(() => CommitReservationResult, { description: 'Turns the held units into PICKUP or SALE movements; what is not taken is released.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async commitReservation(@Ctx() ctx: RequestContext, @Args('input') input: CommitReservationInput): Promise<typeof CommitReservationResult> {
    const result = await this.reservations.commit(ctx, input.reservationId, {
      movementType: input.movementType === ReservationCommitType.SALE ? StockMovementType.SALE : StockMovementType.PICKUP,
      quantities: input.quantities ?? undefined,
    });
    return isErrorResult(result) ? result : StockReservationType.fromEntity(result);
  }

  @Mutation(() => Int, { description: 'Releases every lapsed reservation now (the background sweep does this periodically); returns how many.' })
  @Allow(Permission.ADMIN)
  async expireLapsedReservations(@Ctx() ctx: RequestContext): Promise<number> {
    return this.expiry.sweep(ctx);
  }
}
