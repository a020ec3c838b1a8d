import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '@omnitill/common';
import { StoreCreditEntryKind } from '../../entities/return.enums';
import { StoreCreditBalance } from '../../services/store-credit.service';
import { StoreReturnPolicy } from '../../services/return-policy.service';
import './returns-enums.type';

@ObjectType('StoreCreditEntry', { description: 'One change of a store-credit balance (append-only).' })
export class StoreCreditEntryType {
  @Field(() => StoreCreditEntryKind)
  kind!: StoreCreditEntryKind;

  @Field(() => Money, { description: 'Signed: credits positive, debits negative.' })
  amount!: Money;

  @Field(() => Money)
  balanceAfter!: Money;

  @Field(() => String, { description: 'RETURN, ORDER or CUSTOMER.' })
  referenceType!: string;

  @Field(() => String)
  referenceId!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('StoreCreditBalance', { description: "A customer's store credit, spendable at the POS." })
export class StoreCreditBalanceType {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Money, { nullable: true, description: 'null when the customer never had store credit.' })
  balance!: Money | null;

  @Field(() => [StoreCreditEntryType], { description: 'The newest entries first (at most 50).' })
  entries!: StoreCreditEntryType[];

  static from(balance: StoreCreditBalance): StoreCreditBalanceType {
    return Object.assign(new StoreCreditBalanceType(), {
      customerId: balance.customerId,
      balance: balance.balance,
      entries: balance.entries.map((entry) => {
        const currency = entry.currency.trim();
        return Object.assign(new StoreCreditEntryType(), {
          kind: entry.kind,
          amount: new Money(entry.amount, currency),
          balanceAfter: new Money(entry.balanceAfter, currency),
          referenceType: entry.referenceType,
          referenceId: entry.referenceId,
          createdAt: entry.createdAt,
        });
      }),
    });
  }
}

@ObjectType('StoreReturnPolicy', { description: "A store's return window." })
export class StoreReturnPolicyType {
  @Field(() => ID)
  storeId!: string;

  @Field(() => Int, { description: 'Days from sale, pickup or shipping.' })
  windowDays!: number;

  @Field(() => Boolean, { description: 'True when the store sets none and RETURN_WINDOW_DAYS applies.' })
  isDefault!: boolean;

  static from(policy: StoreReturnPolicy): StoreReturnPolicyType {
    return Object.assign(new StoreReturnPolicyType(), policy);
  }
}
