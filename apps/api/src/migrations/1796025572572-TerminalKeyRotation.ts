import { MigrationInterface, QueryRunner } from 'typeorm';

export class TerminalKeyRotation1796025572572 implements MigrationInterface {
  name = 'TerminalKeyRotation1796025572572';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "terminal" ADD "key_rotated_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "terminal" DROP COLUMN "key_rotated_at"`);
  }
}
