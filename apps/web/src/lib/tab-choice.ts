// A choice remembered for the browser tab (sessionStorage, or memory when storage is blocked) that every page of an
// area reads the same: which counter, which county.
import { useSyncExternalStore } from "react";

export function tabChoice(storageKey: string) {
  const listeners = new Set<() => void>();
  let memoryPick: string | null = null;

  function read(): string | null {
    try {
      return globalThis.sessionStorage?.getItem(storageKey) ?? memoryPick;
    } catch {
      return memoryPick;
    }
  }

  function write(value: string): void {
    memoryPick = value;
    try {
      globalThis.sessionStorage?.setItem(storageKey, value);
    } catch {
      // Blocked storage: the pick lives in memory for this page load.
    }
    for (const listener of listeners) listener();
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return {
    write,
    /** The remembered value (null before any pick); re-renders when it changes. */
    useStored: () => useSyncExternalStore(subscribe, read, () => null),
  };
}
