import type { ItemDto } from '@okno/shared';

/** A pending local change drawn over an item until the server accepts or refuses it. */
export interface Overlay {
  mutationId: string;
  itemId: number;
  apply: (item: ItemDto) => ItemDto;
}

/**
 * The client's copy of the items it may see: confirmed server state plus optimistic overlays.
 *
 * Invariants: confirmed state only moves forward in `version` (a late event or a stale answer
 * never rolls an item back); overlays never touch confirmed state, so refusing a mutation is
 * just dropping its overlay.
 */
export class ItemReplica {
  private readonly confirmed = new Map<number, ItemDto>();
  private readonly overlays = new Map<number, Overlay[]>();

  /**
   * @param belongs whether the user may hold the item in its current state: an executor's
   *   replica lets go of an item routed to another body, and takes one routed to theirs.
   */
  constructor(private readonly belongs: (item: ItemDto) => boolean = () => true) {}

  get size(): number {
    return this.confirmed.size;
  }

  /** Replaces everything with a snapshot; overlays stay, since their mutations are still pending. */
  replaceAll(items: readonly ItemDto[]): void {
    this.confirmed.clear();
    for (const item of items) if (this.belongs(item)) this.confirmed.set(item.id, item);
  }

  /**
   * Takes a confirmed item state unless a newer one is held; an item that no longer belongs
   * (routed away) is dropped. Answers whether anything changed.
   */
  upsert(item: ItemDto): boolean {
    const held = this.confirmed.get(item.id);
    if (held && held.version > item.version) return false;
    if (!this.belongs(item)) return this.confirmed.delete(item.id);
    if (held && held.version === item.version && held.updatedAt === item.updatedAt) return false;
    this.confirmed.set(item.id, item);
    return true;
  }

  addOverlay(overlay: Overlay): void {
    const list = this.overlays.get(overlay.itemId) ?? [];
    list.push(overlay);
    this.overlays.set(overlay.itemId, list);
  }

  /** Drops a mutation's overlay; answers the item it touched, if any. */
  removeOverlay(mutationId: string): number | undefined {
    for (const [itemId, list] of this.overlays) {
      const rest = list.filter((o) => o.mutationId !== mutationId);
      if (rest.length === list.length) continue;
      if (rest.length === 0) this.overlays.delete(itemId);
      else this.overlays.set(itemId, rest);
      return itemId;
    }
    return undefined;
  }

  confirmedItem(id: number): ItemDto | undefined {
    return this.confirmed.get(id);
  }

  /** The item as the user should see it: confirmed state with pending changes applied in order. */
  view(id: number): ItemDto | undefined {
    const base = this.confirmed.get(id);
    if (!base) return undefined;
    const list = this.overlays.get(id);
    return list ? list.reduce((item, o) => o.apply(item), base) : base;
  }

  views(): ItemDto[] {
    const out: ItemDto[] = [];
    for (const id of this.confirmed.keys()) out.push(this.view(id)!);
    return out;
  }
}
