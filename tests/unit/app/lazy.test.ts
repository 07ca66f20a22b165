import { describe, it, expect } from 'vitest';
import { createRoot } from 'solid-js';
import { createLazy } from '../../../src/app/lazy';

describe('createLazy', () => {
  it('makes the value once; a call while it is made gets null; a failure is an error; reset makes it again', async () => {
    await createRoot(async (dispose) => {
      let made = 0;
      let fail = true;
      const lazy = createLazy(async () => {
        made++;
        if (fail) throw new Error('no WebGL');
        return { n: made };
      });
      expect(await lazy.get()).toBeNull();
      expect(lazy.error()).toBe('no WebGL');
      fail = false;
      const first = lazy.get();
      expect(lazy.loading()).toBe(true);
      expect(await lazy.get()).toBeNull();
      expect(await first).toEqual({ n: 2 });
      expect(lazy.error()).toBeNull();
      expect(lazy.loading()).toBe(false);
      expect(await lazy.get()).toEqual({ n: 2 });
      lazy.reset();
      expect(lazy.value()).toBeNull();
      expect(await lazy.get()).toEqual({ n: 3 });
      dispose();
    });
  });
});
