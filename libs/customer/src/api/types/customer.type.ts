import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { ConsentPurpose, CustomerChannel } from '../../entities/customer.enums';
import { CustomerConsentEntity, CustomerProfile } from '../../entities/customer-consent.entity';
import { CustomerMergeEntity } from '../../entities/customer-merge.entity';

@ObjectType('CustomerConsent', { description: 'The current consent for one purpose: the latest recorded change.' })
export class CustomerConsentType {
  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => CustomerChannel, { description: 'Where the customer gave or withdrew it.' })
  channel!: CustomerChannel;

  @Field(() => Date)
  recordedAt!: Date;

  static fromEntity(entity: CustomerConsentEntity): CustomerConsentType {
    return Object.assign(new CustomerConsentType(), {
      purpose: entity.purpose,
      granted: entity.granted,
      channel: entity.channel,
      recordedAt: entity.recordedAt,
    });
  }
}

@ObjectType('Customer', { description: 'One person across every channel. Personal fields are null once the profile is erased.' })
export class CustomerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Lower-cased. Null only after erasure.' })
  email!: string | null;

  @Field(() => Boolean)
  emailVerified!: boolean;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +491701234567.' })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'OT + 11 digits (the last one a Luhn check digit).' })
  loyaltyNumber!: string | null;

  @Field(() => Boolean, { description: 'Whether the customer can sign in to the storefront (has a password).' })
  hasOnlineAccount!: boolean;

  @Field(() => CustomerChannel)
  createdChannel!: CustomerChannel;

  @Field(() => [CustomerConsentType], { description: 'Current consent per purpose; a purpose never asked about is absent (not granted).' })
  consents!: CustomerConsentType[];

  @Field(() => ID, { nullable: true, description: 'Set when support merged this duplicate into another profile.' })
  mergedIntoId!: string | null;

  @Field(() => Date, { nullable: true })
  erasedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static from({ customer, consents }: CustomerProfile): CustomerType {
    return Object.assign(new CustomerType(), {
      id: customer.id,
      email: customer.email,
      emailVerified: customer.emailVerifiedAt !== null,
      phone: customer.phone,
      firstName: customer.firstName,
      lastName: customer.lastName,
      loyaltyNumber: customer.loyaltyNumber,
      hasOnlineAccount: customer.passwordHash !== null,
      createdChannel: customer.createdChannel,
      consents: consents.map(CustomerConsentType.fromEntity),
      mergedIntoId: customer.mergedIntoId,
      erasedAt: customer.erasedAt,
      createdAt: customer.createdAt,
      updatedAt: customer.updatedAt,
    });
  }
}

@ObjectType('CustomerList')
export class CustomerList extends Paginated(CustomerType) {}

@ObjectType('CustomerSession', { description: 'A signed-in customer. Send the token as `Authorization: Bearer <token>`.' })
export class CustomerSessionType {
  @Field(() => String)
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => CustomerType)
  customer!: CustomerType;

  @Field(() => String, {
    nullable: true,
    description:
      'Set by customerSignUp only: the signed token to pass to verifyCustomerEmail. The storefront puts it in the link of the ' +
      'verification email it sends; it never needs to be shown to the customer otherwise.',
  })
  emailVerificationToken!: string | null;
}

@ObjectType('CustomerMergeCount', { description: 'How many rows one participant moved to the survivor.' })
export class CustomerMergeCountType {
  @Field(() => String, { description: 'consents, coupon, order, ...' })
  participant!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CustomerMerge', { description: 'A recorded merge of a duplicate profile into a survivor.' })
export class CustomerMergeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  survivorId!: string;

  @Field(() => ID)
  mergedId!: string;

  @Field(() => String, { description: 'Who merged, e.g. staff:<user id>.' })
  mergedBy!: string;

  @Field(() => Date)
  mergedAt!: Date;

  @Field(() => [CustomerMergeCountType])
  moved!: CustomerMergeCountType[];

  static fromEntity(entity: CustomerMergeEntity): CustomerMergeType {
    return Object.assign(new CustomerMergeType(), {
      id: entity.id,
      survivorId: entity.survivorId,
      mergedId: entity.mergedId,
      mergedBy: entity.mergedBy,
      mergedAt: entity.mergedAt,
      moved: Object.entries(entity.movedCounts).map(([participant, count]) => ({ participant, count })),
    });
  }
}
