// Administrative divisions: unit types from official names, and the diff of a re-import.

export type AreaLevel = "COUNTY" | "TOWNSHIP" | "VILLAGE";

export interface DivisionUnit {
  code: string;
  name: string;
  level: AreaLevel;
  kind: string;
  parentCode: string | null;
}

/// 街道 / 镇 / 乡 from the township's official name; anything else (农场, 开发区 …) is 其他.
export function townshipKind(name: string): string {
  if (name.endsWith("街道") || name.endsWith("街道办事处")) return "街道";
  if (name.endsWith("镇")) return "镇";
  if (name.endsWith("乡") || name.endsWith("民族乡")) return "乡";
  return "其他";
}

/// 村委会 / 居委会 from the village-level unit's official name.
export function villageKind(name: string): string {
  if (/(村民委员会|村委会)$/.test(name)) return "村委会";
  if (/(居民委员会|居委会)$/.test(name)) return "居委会";
  // Some official names leave the committee out: 长征社区 is a residents' committee, 某某村 a village committee.
  if (/社区$/.test(name)) return "居委会";
  if (/村$/.test(name)) return "村委会";
  return "其他";
}

/// The everyday name people write in addresses: 西关社区居委会 → 西关社区, 榜式堡村委会 → 榜式堡村.
export function shortAreaName(name: string): string {
  return name
    .replace(/(村民委员会|村委会)$/, (m) => (name.slice(0, -m.length).endsWith("村") ? "" : "村"))
    .replace(/(居民委员会|居委会)$/, "");
}

export interface DivisionDiff {
  added: DivisionUnit[];
  renamed: { code: string; from: string; to: string }[];
  removed: { code: string; name: string }[];
  restored: DivisionUnit[];
  unchanged: number;
}

export interface ExistingUnit {
  code: string;
  name: string;
  kind: string;
  removed: boolean;
}

/// What a re-import changes: new codes are added, changed names renamed, missing codes marked removed.
export function diffDivisions(existing: ExistingUnit[], incoming: DivisionUnit[]): DivisionDiff {
  const byCode = new Map(existing.map((e) => [e.code, e]));
  const incomingCodes = new Set(incoming.map((u) => u.code));
  const diff: DivisionDiff = { added: [], renamed: [], removed: [], restored: [], unchanged: 0 };
  for (const u of incoming) {
    const e = byCode.get(u.code);
    if (!e) diff.added.push(u);
    else if (e.removed) diff.restored.push(u);
    else if (e.name !== u.name || e.kind !== u.kind) diff.renamed.push({ code: u.code, from: e.name, to: u.name });
    else diff.unchanged++;
  }
  for (const e of existing) if (!e.removed && !incomingCodes.has(e.code)) diff.removed.push({ code: e.code, name: e.name });
  return diff;
}

/// FNV-1a: a small stable hash for deterministic synthetic positions.
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/// A deterministic invented position `minKm`–`maxKm` from `center` ([lng, lat]); always flagged synthetic by callers.
export function syntheticPosition(code: string, center: readonly [number, number], minKm = 1.5, maxKm = 6): [number, number] {
  const h = fnv1a(code);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = minKm + ((h >>> 16) / 0x10000) * (maxKm - minKm);
  const [lng, lat] = center;
  const dLat = (r * Math.cos(angle)) / 111.32;
  const dLng = (r * Math.sin(angle)) / (111.32 * Math.cos((lat * Math.PI) / 180));
  return [Number((lng + dLng).toFixed(6)), Number((lat + dLat).toFixed(6))];
}
