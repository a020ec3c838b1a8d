import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TerminalEntity } from '../../entities/terminal.entity';

@ObjectType('Terminal', { description: 'A registered POS device of one store.' })
export class TerminalType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  storeId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'First characters of the key, to recognise it.' })
  keyPrefix!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  static fromEntity(entity: TerminalEntity): TerminalType {
    return Object.assign(new TerminalType(), {
      id: entity.id,
      storeId: entity.storeId,
      name: entity.name,
      keyPrefix: entity.keyPrefix,
      active: entity.active,
      lastLoginAt: entity.lastLoginAt,
      createdAt: entity.createdAt,
      revokedAt: entity.revokedAt,
    });
  }
}

@ObjectType('RegisteredTerminal', { description: 'A new terminal and its key. The key is shown only this once.' })
export class RegisteredTerminal {
  @Field(() => TerminalType)
  terminal!: TerminalType;

  @Field(() => String, { description: 'Send as the x-terminal-key header from this device. Store it securely.' })
  terminalKey!: string;
}
