import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** Offset pagination arguments shared by every list query. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 0, description: 'Rows to skip.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  skip: number = 0;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Rows to return, at most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take: number = DEFAULT_PAGE_SIZE;
}

export interface Page<T> {
  readonly items: T[];
  readonly totalCount: number;
  readonly skip: number;
  readonly take: number;
}

export interface PaginatedType<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * Base class for a GraphQL list type of `T`: `{ items, totalCount, hasNextPage }`.
 * Use as `@ObjectType('StoreList') class StoreList extends Paginated(StoreType) {}`.
 */
export function Paginated<T>(itemType: Type<T>): Type<PaginatedType<T>> {
  @ObjectType({ isAbstract: true })
  class PaginatedList implements PaginatedType<T> {
    @Field(() => [itemType])
    items!: T[];

    @Field(() => Int)
    totalCount!: number;

    @Field(() => Boolean)
    hasNextPage!: boolean;
  }
  return PaginatedList;
}

export function toPaginated<TIn, TOut>(page: Page<TIn>, map: (item: TIn) => TOut): PaginatedType<TOut> {
  return {
    items: page.items.map(map),
    totalCount: page.totalCount,
    hasNextPage: page.skip + page.items.length < page.totalCount,
  };
}


export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });
