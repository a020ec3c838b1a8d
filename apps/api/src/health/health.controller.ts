import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Allow, Permission } from '@omnitill/common';

const READY_TIMEOUT_MS = 2_000;

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** The process is up. Orchestrators restart the container when this fails. */
  @Get('live')
  @Allow(Permission.PUBLIC)
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database answers: route traffic here. Fails fast (2 s) while PostgreSQL is down. */
  @Get('ready')
  @Allow(Permission.PUBLIC)
  async ready(@Res() reply: FastifyReply): Promise<void> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), READY_TIMEOUT_MS).unref()),
      ]);
      await reply.status(200).send({ status: 'ok', database: 'up' });
    } catch {
      await reply.status(503).send({ status: 'unavailable', database: 'down' });
    }
  }
}
