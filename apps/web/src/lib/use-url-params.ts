// A list page's filters kept in the address bar (so going back to the list keeps them): the search params and a setter
// of one of them.
import { useCallback } from "react";
import { useSearchParams } from "react-router";

export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  // Built from the address bar, not from this render's params: two changes before a re-render must both stick.
  const setParam = useCallback(
    (key: string, value: string) => {
      const next = new URLSearchParams(window.location.search);
      if (value) next.set(key, value);
      else next.delete(key);
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return { params, setParam, setParams };
}
