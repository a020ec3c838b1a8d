import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import {
  signWebhookPayload, WEBHOOK_ATTEMPT_HEADER, WEBHOOK_DELIVERY_ID_HEADER, WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './webhook-signature';

export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly eventId: string;
  readonly deliveryId: string;
  readonly attemptNo: number;
  readonly body: string;
  /** Unix seconds, from the injected clock. */
  readonly timestamp: number;
}

export interface WebhookResponse {
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

const MAX_ERROR_LENGTH = 500;

/** One signed POST with a hard timeout. Redirects are not followed (a 3xx is a failure). */
@Injectable()
export class WebhookSender {
  async send(request: WebhookRequest, timeoutMs: number): Promise<WebhookResponse> {
    const timestamp = String(request.timestamp);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const started = performance.now();
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'omnitill-webhooks/1',
          [WEBHOOK_EVENT_ID_HEADER]: request.eventId,
          [WEBHOOK_DELIVERY_ID_HEADER]: request.deliveryId,
          [WEBHOOK_ATTEMPT_HEADER]: String(request.attemptNo),
          [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(request.secret, timestamp, request.body),
        },
        body: request.body,
      });
      // The body is not read: release the connection.
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      const message = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(error);
      return { ok: false, statusCode: null, error: message.slice(0, MAX_ERROR_LENGTH), durationMs: Math.round(performance.now() - started) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}
