import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { NamedRegistry } from './named-registry';

/** A JSON-serialisable object (dates become ISO strings). */
export type JsonObject = { readonly [key: string]: unknown };

/** Contributes a section (under its name) to a customer's data export. */
export interface CustomerDataExporter {
  readonly name: string;
  exportData(ctx: RequestContext, customerId: string): Promise<JsonObject>;
}

/**
 * Told when a customer is erased, inside the erasure's transaction: removes or anonymises personal
 * data it holds (a guest email on an order, a delivery address) and keeps what the books need.
 */
export interface CustomerErasureParticipant {
  readonly name: string;
  /** Returns how many rows were anonymised. */
  anonymise(ctx: RequestContext, customerId: string): Promise<number>;
}

@Injectable()
export class CustomerDataExporterRegistry extends NamedRegistry<CustomerDataExporter> {
  protected readonly kind = 'Customer data exporter';
}

@Injectable()
export class CustomerErasureRegistry extends NamedRegistry<CustomerErasureParticipant> {
  protected readonly kind = 'Customer erasure participant';
}
