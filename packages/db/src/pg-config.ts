// Turns a postgres URL into separate pg fields (the adapter's shadow-database override needs them).
export interface PgFields {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  max?: number;
}

export function pgConfigFromUrl(url: string, max?: number): PgFields {
  const u = new URL(url);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must be a postgresql:// URL, got ${u.protocol}`);
  }
  const host = u.searchParams.get("host") ?? decodeURIComponent(u.hostname || "127.0.0.1");
  const fields: PgFields = {
    host,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username || "postgres"),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
  if (u.password) fields.password = decodeURIComponent(u.password);
  if (max !== undefined) fields.max = max;
  return fields;
}
