import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated, StaffRole } from '@omnitill/common';
import { StaffUserWithStores } from '../../repositories/staff-user.repository';
import { StorefrontApiKeyEntity } from '../../entities/storefront-api-key.entity';

@ObjectType('StaffUser')
export class StaffUserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => StaffRole)
  role!: StaffRole;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => [ID])
  storeIds!: string[];

  @Field(() => Date)
  createdAt!: Date;

  static from({ user, storeIds }: StaffUserWithStores): StaffUserType {
    return Object.assign(new StaffUserType(), {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      active: user.active,
      storeIds,
      createdAt: user.createdAt,
    });
  }
}

@ObjectType('StaffUserList')
export class StaffUserList extends Paginated(StaffUserType) {}

@ObjectType('StaffSession', { description: 'A signed-in staff session. Send the token as `Authorization: Bearer <token>`.' })
export class StaffSessionType {
  @Field(() => String)
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => StaffUserType)
  user!: StaffUserType;

  @Field(() => ID, { nullable: true, description: 'The terminal this session is bound to, for POS logins.' })
  terminalId!: string | null;

  @Field(() => ID, { nullable: true, description: "The terminal's store: the only store this session acts in." })
  storeId!: string | null;
}

@ObjectType('StorefrontApiKey')
export class StorefrontApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  keyPrefix!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  static fromEntity(entity: StorefrontApiKeyEntity): StorefrontApiKeyType {
    return Object.assign(new StorefrontApiKeyType(), {
      id: entity.id,
      name: entity.name,
      keyPrefix: entity.keyPrefix,
      active: entity.active,
      createdAt: entity.createdAt,
      revokedAt: entity.revokedAt,
    });
  }
}

@ObjectType('CreatedStorefrontApiKey', { description: 'A new storefront key. The key is shown only this once.' })
export class CreatedStorefrontApiKey {
  @Field(() => StorefrontApiKeyType)
  apiKey!: StorefrontApiKeyType;

  @Field(() => String, { description: 'Send as the x-api-key header.' })
  key!: string;
}
