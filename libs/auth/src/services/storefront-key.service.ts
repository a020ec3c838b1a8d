import { Injectable } from '@nestjs/common';
import { AuditAction, AuditTrail, Clock, DomainException, ErrorCode, generateApiKey, hashApiKey, NotFoundException, RequestContext } from '@omnitill/common';
import { StorefrontApiKeyEntity } from '../entities/storefront-api-key.entity';
import { StorefrontApiKeyRepository } from '../repositories/storefront-api-key.repository';

const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 1_000;

/**
 * Storefront API keys. Resolving a key runs on every storefront request, so results (hits and
 * misses) are cached for 30 s; a revoked key stops working on every replica within that time.
 */
@Injectable()
export class StorefrontKeyService {
  private readonly cache = new Map<string, { keyId: string | null; expiresAt: number }>();

  constructor(
    private readonly keys: StorefrontApiKeyRepository,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async create(ctx: RequestContext, name: string): Promise<{ apiKey: StorefrontApiKeyEntity; key: string }> {
    const key = generateApiKey('sf');
    const apiKey = await this.keys.insert(ctx, { name, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 10) });
    await this.audit.record(ctx, {
      action: AuditAction.API_KEY_ISSUED, subjectType: 'storefront_api_key', subjectId: apiKey.id,
      after: { name, keyPrefix: apiKey.keyPrefix },
    });
    return { apiKey, key };
  }

  /**
   * Replaces the key of an active storefront key (same id, same name): the old key stops working
   * at once on this replica and within the cache TTL on the others. The new key is returned once.
   */
  async rotate(ctx: RequestContext, id: string): Promise<{ apiKey: StorefrontApiKeyEntity; key: string }> {
    const apiKey = await this.getById(ctx, id);
    if (!apiKey.active) {
      throw new DomainException(ErrorCode.CONFLICT, 'A revoked storefront key cannot be rotated; create a new one');
    }
    const previousPrefix = apiKey.keyPrefix;
    const key = generateApiKey('sf');
    apiKey.keyHash = hashApiKey(key);
    apiKey.keyPrefix = key.slice(0, 10);
    await this.keys.save(ctx, apiKey);
    this.cache.clear();
    await this.audit.record(ctx, {
      action: AuditAction.API_KEY_ROTATED, subjectType: 'storefront_api_key', subjectId: apiKey.id,
      before: { keyPrefix: previousPrefix }, after: { keyPrefix: apiKey.keyPrefix },
    });
    return { apiKey, key };
  }

  async revoke(ctx: RequestContext, id: string): Promise<StorefrontApiKeyEntity> {
    const apiKey = await this.getById(ctx, id);
    if (apiKey.active) {
      apiKey.active = false;
      apiKey.revokedAt = this.clock.now();
      await this.keys.save(ctx, apiKey);
      await this.audit.record(ctx, {
        action: AuditAction.API_KEY_REVOKED, subjectType: 'storefront_api_key', subjectId: apiKey.id,
        before: { active: true }, after: { active: false },
      });
    }
    this.cache.clear();
    return apiKey;
  }

  private async getById(ctx: RequestContext, id: string): Promise<StorefrontApiKeyEntity> {
    const apiKey = await this.keys.findById(ctx, id);
    if (!apiKey) {
      throw new NotFoundException('Storefront API key', id);
    }
    return apiKey;
  }

  list(ctx: RequestContext): Promise<StorefrontApiKeyEntity[]> {
    return this.keys.list(ctx);
  }

  /** The id of the active key, or null when the key is unknown or revoked. */
  async resolve(ctx: RequestContext, key: string): Promise<string | null> {
    const hash = hashApiKey(key);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > now) {
      return cached.keyId;
    }
    const apiKey = await this.keys.findActiveByHash(ctx, hash);
    if (this.cache.size >= CACHE_MAX_ENTRIES) {
      this.cache.clear();
    }
    this.cache.set(hash, { keyId: apiKey?.id ?? null, expiresAt: now + CACHE_TTL_MS });
    return apiKey?.id ?? null;
  }
}
