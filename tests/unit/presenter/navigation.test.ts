import { describe, it, expect } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { keyToAction, eventToAction, clickToAction, clampIndex, nextIndex, progressText, type NavAction } from '../../../src/presenter/navigation';

describe('keys', () => {
  it('maps the presenter keys', () => {
    const table: [string, NavAction | null][] = [
      ['ArrowRight', 'next'], ['PageDown', 'next'], [' ', 'next'], ['Spacebar', 'next'],
      ['ArrowLeft', 'prev'], ['PageUp', 'prev'], ['Home', 'first'], ['End', 'last'],
      ['Escape', 'exit'], ['Esc', 'exit'], ['n', 'notes'], ['N', 'notes'],
      ['1', { jump: 1 }], ['5', { jump: 5 }], ['9', { jump: 9 }], ['0', { jump: 10 }],
      ['Enter', null], ['a', null], ['ArrowUp', null], ['Tab', null], ['F5', null], ['p', null], ['10', null],
    ];
    for (const [key, action] of table) expect(keyToAction(key), key).toEqual(action);
  });
  it('leaves shortcuts with modifiers to the browser', () => {
    expect(eventToAction({ key: 'ArrowRight' })).toBe('next');
    expect(eventToAction({ key: 'ArrowRight', altKey: true })).toBeNull();
    expect(eventToAction({ key: '1', ctrlKey: true })).toBeNull();
    expect(eventToAction({ key: 'Home', metaKey: true })).toBeNull();
  });
});

describe('clicks', () => {
  it('edges step, the middle is the map', () => {
    expect(clickToAction(0, 1920)).toBe('prev');
    expect(clickToAction(383, 1920)).toBe('prev');
    expect(clickToAction(384, 1920)).toBeNull();
    expect(clickToAction(960, 1920)).toBeNull();
    expect(clickToAction(1536, 1920)).toBeNull();
    expect(clickToAction(1537, 1920)).toBe('next');
    expect(clickToAction(1919, 1920)).toBe('next');
    expect(clickToAction(10, 0)).toBeNull();
  });
});

describe('index', () => {
  it('steps, jumps and clamps', () => {
    expect(nextIndex(2, 'next', 7)).toBe(3);
    expect(nextIndex(6, 'next', 7)).toBe(6);
    expect(nextIndex(0, 'prev', 7)).toBe(0);
    expect(nextIndex(4, 'first', 7)).toBe(0);
    expect(nextIndex(0, 'last', 7)).toBe(6);
    expect(nextIndex(0, { jump: 3 }, 7)).toBe(2);
    expect(nextIndex(4, { jump: 9 }, 7)).toBe(4); // beyond the deck: stay
    expect(nextIndex(4, { jump: 10 }, 10)).toBe(9);
    expect(nextIndex(3, 'exit', 7)).toBe(3);
    expect(nextIndex(3, 'notes', 7)).toBe(3);
    expect(nextIndex(0, 'next', 0)).toBe(0);
    expect([clampIndex(-3, 5), clampIndex(9, 5), clampIndex(2.7, 5), clampIndex(NaN, 5), clampIndex(3, 0)]).toEqual([0, 4, 2, 0, 0]);
  });
  it('shows progress as "3 / 7"', () => {
    expect(progressText(2, 7)).toBe('3 / 7');
    expect(progressText(99, 7)).toBe('7 / 7');
    expect(progressText(0, 0)).toBe('0 / 0');
  });
  const action = fc.oneof(
    fc.constantFrom<NavAction>('next', 'prev', 'first', 'last', 'exit', 'notes'),
    fc.integer({ min: -2, max: 12 }).map((jump): NavAction => ({ jump })),
  );
  fcTest.prop([fc.integer({ min: 0, max: 30 }), fc.integer({ min: -5, max: 40 }), action])('the index always stays inside the deck', (count, i, a) => {
    const j = nextIndex(i, a, count);
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThanOrEqual(Math.max(0, count - 1));
  });
  fcTest.prop([fc.integer({ min: 1, max: 30 }), fc.nat(29)])('next then prev returns, except at the last scene', (count, k) => {
    const i = k % count;
    expect(nextIndex(nextIndex(i, 'next', count), 'prev', count)).toBe(i === count - 1 ? count - 2 < 0 ? 0 : count - 2 : i);
  });
});
