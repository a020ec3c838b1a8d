import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, RequestContext } from '@omnitill/common';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';

export type WebhookEndpointInsert = Pick<WebhookEndpointEntity, 'url' | 'description' | 'eventTypes' | 'secret'>;

@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(ctx: RequestContext, id: string): Promise<WebhookEndpointEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(WebhookEndpointEntity, { id });
  }

  list(ctx: RequestContext): Promise<WebhookEndpointEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(WebhookEndpointEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  insert(ctx: RequestContext, endpoint: WebhookEndpointInsert): Promise<WebhookEndpointEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(WebhookEndpointEntity, manager.create(WebhookEndpointEntity, { ...endpoint, active: true }));
  }

  save(ctx: RequestContext, endpoint: WebhookEndpointEntity): Promise<WebhookEndpointEntity> {
    return entityManagerOf(ctx, this.dataSource).save(WebhookEndpointEntity, endpoint);
  }
}
