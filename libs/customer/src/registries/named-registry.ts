/**
 * Extension points filled by libs above customer (order, coupon, returns) at module init: each
 * registers a named participant; names are unique so a double registration fails the boot.
 */
export abstract class NamedRegistry<T extends { readonly name: string }> {
  private readonly entries = new Map<string, T>();

  protected abstract readonly kind: string;

  register(entry: T): void {
    if (this.entries.has(entry.name)) {
      throw new Error(`${this.kind} "${entry.name}" is already registered`);
    }
    this.entries.set(entry.name, entry);
  }

  /** In registration order, so merges and exports run in a stable order. */
  all(): readonly T[] {
    return [...this.entries.values()];
  }
}
