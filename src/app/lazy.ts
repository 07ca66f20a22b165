// A value made on first use (a module loaded, a tool started), with its loading and error state
// as signals for the UI. A call while it is being made gets null rather than a second load.
import { createSignal } from 'solid-js';

export interface Lazy<T> {
  value: () => T | null;
  loading: () => boolean;
  error: () => string | null;
  /** The value, made now if it is not there yet; null while another call makes it, or on failure. */
  get: () => Promise<T | null>;
  /** Forget the value: the next `get` makes it again. */
  reset: () => void;
}

export function createLazy<T>(make: () => Promise<T>): Lazy<T> {
  const [value, setValue] = createSignal<T | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const get = async (): Promise<T | null> => {
    if (value() !== null || loading()) return value();
    setLoading(true);
    try {
      const v = await make();
      setError(null);
      setValue(() => v);
      return v;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      setLoading(false);
    }
  };
  return { value, loading, error, get, reset: () => setValue(null) };
}
