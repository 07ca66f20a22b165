import { describe, it, expect } from 'vitest';
import { readPresentLink, presentHref, withoutPresentLink } from '../../../src/presenter/link';
import { jsonErrorPosition, lineColumn } from '../../../src/presenter/json-position';

describe('presenter links', () => {
  it('reads ?present= and ?deck=default', () => {
    expect(readPresentLink('')).toBeNull();
    expect(readPresentLink('?present=3')).toEqual({ scene: '3', deck: 'saved' });
    expect(readPresentLink('?present=s-4&deck=default')).toEqual({ scene: 's-4', deck: 'default' });
    expect(readPresentLink('?present')).toEqual({ scene: '1', deck: 'saved' });
  });
  it('writes links that keep the map state in the hash, and removes them', () => {
    const href = 'http://127.0.0.1:4173/?x=1#map=12/21.27/106.08/0&period=2021';
    const l = presentHref(href, 3, 'default');
    expect(l).toBe('http://127.0.0.1:4173/?x=1&present=3&deck=default#map=12/21.27/106.08/0&period=2021');
    expect(withoutPresentLink(l)).toBe(href);
  });
});

describe('JSON error position', () => {
  it('finds the first error', () => {
    expect(jsonErrorPosition('{"a": 1}')).toBeNull();
    expect(jsonErrorPosition(' [1, 2.5e-3, "x\\u00e9", true, false, null, {}] ')).toBeNull();
    expect(jsonErrorPosition('{"a": 1,}')).toMatchObject({ line: 1, column: 9 });
    expect(jsonErrorPosition('{\n  "a": 01\n}')).toMatchObject({ line: 2, column: 9 });
    expect(jsonErrorPosition('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 });
    expect(jsonErrorPosition('{"a": "\\q"}')).toMatchObject({ line: 1, column: 9 });
    expect(jsonErrorPosition('{"a": "\\u12g4"}')).toMatchObject({ line: 1, column: 12 });
    expect(jsonErrorPosition('[1] 2')).toMatchObject({ line: 1, column: 5 });
    expect(jsonErrorPosition('')).toMatchObject({ line: 1, column: 1 });
    expect(jsonErrorPosition('{"a": tru}')).toMatchObject({ line: 1, column: 10 });
  });
  it('agrees with JSON.parse on what is valid', () => {
    for (const s of ['1', '-0', '1.', '.5', '"\t"', '[,]', '{"a" 1}', 'nul', '[1,,2]', '{"a":[{"b":null}]}', '"\\/"', '1e', '-']) {
      let ok = true;
      try {
        JSON.parse(s);
      } catch {
        ok = false;
      }
      expect(jsonErrorPosition(s) === null, s).toBe(ok);
    }
  });
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
