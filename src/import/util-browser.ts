// Node's `util` as wkx (the GeoPackage reader's WKB parser) uses it: only `inherits`. The browser
// build aliases 'util' to this module (vite.config.ts); Node, the CLI and the tests use the real one.
export function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export default { inherits };
