// Search text for Prisma's `contains` / `startsWith`: they build a LIKE pattern without escaping its wildcards,
// so a search for "%" or "_" would match everything; escape them (and the escape character) to match literally.
export function likeText(q: string): string {
  return q.replace(/[\\%_]/g, "\\$&");
}
