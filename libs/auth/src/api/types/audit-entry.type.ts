import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuditAction, Paginated } from '@omnitill/common';
import { AuditEntryEntity } from '../../entities/audit-entry.entity';

@ObjectType('AuditEntry', { description: 'One privileged action: who, where, when, on what, and the state before and after.' })
export class AuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => String, { nullable: true, description: 'The staff user id (or customer / storefront key id) who acted.' })
  actorId!: string | null;

  @Field(() => String, { description: 'staff:<id>, customer:<id>, storefront:<id> or anonymous.' })
  actorLabel!: string;

  @Field(() => String, { nullable: true })
  actorRole!: string | null;

  @Field(() => ID, { nullable: true, description: 'The POS terminal the action was taken on.' })
  terminalId!: string | null;

  @Field(() => String, { description: 'POS, BACK_OFFICE or ONLINE.' })
  channel!: string;

  @Field(() => ID, { nullable: true })
  storeId!: string | null;

  @Field(() => String)
  subjectType!: string;

  @Field(() => String)
  subjectId!: string;

  @Field(() => String, { nullable: true, description: 'The state before, as a JSON object string.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The state after, as a JSON object string.' })
  after!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  static fromEntity(entity: AuditEntryEntity): AuditEntryType {
    return Object.assign(new AuditEntryType(), {
      id: entity.id,
      occurredAt: entity.occurredAt,
      action: entity.action as AuditAction,
      actorId: entity.actorId,
      actorLabel: entity.actorLabel,
      actorRole: entity.actorRole,
      terminalId: entity.terminalId,
      channel: entity.channel,
      storeId: entity.storeId,
      subjectType: entity.subjectType,
      subjectId: entity.subjectId,
      before: entity.before === null ? null : JSON.stringify(entity.before),
      after: entity.after === null ? null : JSON.stringify(entity.after),
      reason: entity.reason,
    });
  }
}

@ObjectType('AuditEntryList')
export class AuditEntryList extends Paginated(AuditEntryType) {}
