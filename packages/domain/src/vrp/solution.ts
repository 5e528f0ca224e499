// The working solution: one route per vehicle slot, with prefix/suffix records for O(1) move checks.
import type { Model } from "./model.ts";
import { concat, fits } from "./segment.ts";

/// A route as ext = [0, c1, …, cL, 0]; position q is ext[q]. pre[q] is the record of ext[0..q],
/// suf[q] of ext[q..L+1]; cumF/cumB are distances along ext forwards and with each edge reversed.
export class RouteState {
  ext: Int32Array;
  len = 0;
  pre: Float64Array;
  suf: Float64Array;
  cumF: Float64Array;
  cumB: Float64Array;
  distance = 0;
  feasible = true;

  constructor(
    private readonly m: Model,
    readonly type: number,
  ) {
    this.ext = new Int32Array(10);
    this.pre = new Float64Array(10 * m.S);
    this.suf = new Float64Array(10 * m.S);
    this.cumF = new Float64Array(10);
    this.cumB = new Float64Array(10);
  }

  /// Room for `len` customers.
  reserve(len: number): void {
    if (len + 2 <= this.ext.length) return;
    const size = Math.max(len + 2, this.ext.length * 2);
    const ext = new Int32Array(size);
    ext.set(this.ext.subarray(0, this.len + 2));
    this.ext = ext;
    this.pre = new Float64Array(size * this.m.S);
    this.suf = new Float64Array(size * this.m.S);
    this.cumF = new Float64Array(size);
    this.cumB = new Float64Array(size);
  }

  /// Recomputes records and distances after ext/len changed.
  rebuild(): void {
    const m = this.m;
    const { S, n, dist, node } = m;
    const ext = this.ext;
    const L = this.len;
    ext[0] = 0;
    ext[L + 1] = 0;
    const pre = this.pre;
    const suf = this.suf;
    if (m.simple) {
      // One dimension, deliveries only: a record is its load (D = M, P = 0), no time.
      let acc = 0;
      for (let q = 0; q <= L + 1; q++) {
        acc += node[ext[q]! * S]!;
        pre[q * S] = acc;
        pre[q * S + 1] = 0;
        pre[q * S + 2] = acc;
      }
      acc = 0;
      for (let q = L + 1; q >= 0; q--) {
        acc += node[ext[q]! * S]!;
        suf[q * S] = acc;
        suf[q * S + 1] = 0;
        suf[q * S + 2] = acc;
      }
    } else {
      pre.set(node.subarray(0, S), 0);
      for (let q = 1; q <= L + 1; q++) concat(m, pre, q * S, pre, (q - 1) * S, ext[q - 1]!, node, ext[q]! * S, ext[q]!);
      suf.set(node.subarray(0, S), (L + 1) * S);
      for (let q = L; q >= 0; q--) concat(m, suf, q * S, node, ext[q]! * S, ext[q]!, suf, (q + 1) * S, ext[q + 1]!);
    }
    const cf = this.cumF;
    const cb = this.cumB;
    cf[0] = 0;
    cb[0] = 0;
    for (let q = 1; q <= L + 1; q++) {
      const a = ext[q - 1]!;
      const b = ext[q]!;
      cf[q] = cf[q - 1]! + dist[a * n + b]!;
      cb[q] = cb[q - 1]! + dist[b * n + a]!;
    }
    this.distance = cf[L + 1]!;
    this.feasible = L === 0 || fits(m, pre, (L + 1) * S, this.type);
  }

  /// Load of dimension 0 (deliveries), the whole route.
  load(): number {
    return this.pre[(this.len + 1) * this.m.S]!;
  }
}

export class Work {
  readonly routes: RouteState[];
  /// Slot of each node, −1 when not in any route.
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  readonly routeCost: Float64Array;
  cost = 0;
  assigned = 0;
  /// Slots changed since the last clearDirty(), for committing or undoing a move.
  readonly dirty: Int32Array;
  dirtyCount = 0;
  private readonly dirtyMark: Uint8Array;

  constructor(readonly m: Model) {
    this.routes = Array.from(m.slotType, (t) => new RouteState(m, t));
    this.routeOf = new Int32Array(m.n).fill(-1);
    this.posOf = new Int32Array(m.n);
    this.routeCost = new Float64Array(m.slotType.length);
    this.dirty = new Int32Array(m.slotType.length);
    this.dirtyMark = new Uint8Array(m.slotType.length);
  }

  clearDirty(): void {
    for (let i = 0; i < this.dirtyCount; i++) this.dirtyMark[this.dirty[i]!] = 0;
    this.dirtyCount = 0;
  }

  /// Call after changing a route's ext/len: refreshes its records, node positions and the total cost.
  refresh(slot: number): void {
    const r = this.routes[slot]!;
    r.rebuild();
    for (let q = 1; q <= r.len; q++) {
      const v = r.ext[q]!;
      this.routeOf[v] = slot;
      this.posOf[v] = q;
    }
    if (!this.dirtyMark[slot]) {
      this.dirtyMark[slot] = 1;
      this.dirty[this.dirtyCount++] = slot;
    }
    const c = r.len > 0 ? r.distance + this.m.types[r.type]!.fixed : 0;
    this.cost += c - this.routeCost[slot]!;
    this.routeCost[slot] = c;
  }

  /// Replaces a route's customers.
  setRoute(slot: number, seq: Int32Array | readonly number[], from: number, to: number): void {
    const r = this.routes[slot]!;
    for (let q = 1; q <= r.len; q++) if (this.routeOf[r.ext[q]!] === slot) this.routeOf[r.ext[q]!] = -1;
    this.assigned -= r.len;
    r.reserve(to - from);
    for (let i = from; i < to; i++) r.ext[i - from + 1] = seq[i]!;
    r.len = to - from;
    this.assigned += r.len;
    this.refresh(slot);
  }

  /// Exact total from scratch (the running total drifts with non-integer distances).
  recount(): void {
    let c = 0;
    for (let s = 0; s < this.routes.length; s++) c += this.routeCost[s]!;
    this.cost = c;
  }
}

/// A stored solution: the customers of each slot.
export class Snapshot {
  readonly seqs: Int32Array[];
  readonly lens: Int32Array;
  cost = Infinity;

  constructor(slots: number) {
    this.seqs = Array.from({ length: slots }, () => new Int32Array(8));
    this.lens = new Int32Array(slots);
  }

  saveSlot(w: Work, slot: number): void {
    const r = w.routes[slot]!;
    if (this.seqs[slot]!.length < r.len) this.seqs[slot] = new Int32Array(Math.max(r.len, 2 * this.seqs[slot]!.length));
    this.seqs[slot]!.set(r.ext.subarray(1, r.len + 1));
    this.lens[slot] = r.len;
  }

  loadSlot(w: Work, slot: number): void {
    w.setRoute(slot, this.seqs[slot]!, 0, this.lens[slot]!);
  }

  saveAll(w: Work, cost: number): void {
    for (let s = 0; s < this.lens.length; s++) this.saveSlot(w, s);
    this.cost = cost;
  }

  copyFrom(o: Snapshot): void {
    for (let s = 0; s < this.lens.length; s++) {
      if (this.seqs[s]!.length < o.lens[s]!) this.seqs[s] = new Int32Array(o.seqs[s]!.length);
      this.seqs[s]!.set(o.seqs[s]!.subarray(0, o.lens[s]));
      this.lens[s] = o.lens[s]!;
    }
    this.cost = o.cost;
  }
}
