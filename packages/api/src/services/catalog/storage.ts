// Where uploaded files (product images) live: a small key → bytes interface, with a local-disk
// implementation under XD_STORAGE_DIR (default <repo>/var/storage). An object store can replace it.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface BlobStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /// null when there is no such object.
  get(key: string): Promise<StoredObject | null>;
  /// Deleting a missing key is not an error.
  delete(key: string): Promise<void>;
}

/// Flat keys only: no slashes, no dot-segments, so a key can never leave the storage folder.
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,126}(\.[A-Za-z0-9]{1,8})?$/;

function assertKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new RangeError(`invalid storage key ${JSON.stringify(key)}`);
}

export function createLocalStorage(dir: string): BlobStorage {
  const file = (key: string) => {
    assertKey(key);
    return path.join(dir, key);
  };
  const isMissing = (e: unknown) => (e as { code?: string }).code === "ENOENT";
  return {
    async put(key, bytes, contentType) {
      const target = file(key);
      await mkdir(dir, { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await writeFile(`${target}.type`, contentType);
      await rename(tmp, target);
    },
    async get(key) {
      const target = file(key);
      try {
        const [bytes, type] = await Promise.all([
          readFile(target),
          readFile(`${target}.type`, "utf8").catch(() => "application/octet-stream"),
        ]);
        return { bytes, contentType: type.trim() };
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    async delete(key) {
      const target = file(key);
      await rm(target, { force: true });
      await rm(`${target}.type`, { force: true });
    },
  };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");

export function defaultStorageDir(env: Record<string, string | undefined> = process.env): string {
  return env.XD_STORAGE_DIR ? path.resolve(env.XD_STORAGE_DIR) : path.join(repoRoot, "var", "storage");
}

let fallback: BlobStorage | null = null;

/// The storage of a context, or the local disk one from the environment when none was given.
export function storageOf(deps: { storage?: BlobStorage | undefined }): BlobStorage {
  if (deps.storage) return deps.storage;
  fallback ??= createLocalStorage(defaultStorageDir());
  return fallback;
}
