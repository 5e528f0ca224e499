// Long ids (UUIDs, request ids) shortened for tables; show the full value in a tooltip.
export function shortId(id: string, length = 8): string {
  return id.length > length ? `${id.slice(0, length)}…` : id;
}
