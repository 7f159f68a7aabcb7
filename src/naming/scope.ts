// A naming scope: hands out unique identifiers in call order. Collisions (with reserved words or
// earlier names) get the smallest numeric suffix that is free, so the same inputs in the same
// order always give the same names.

export class NameScope {
  private readonly taken = new Set<string>();

  /**
   * @param reserved identifiers that can never be handed out in this scope (keywords, built-ins)
   * @param caseInsensitive treat "Foo" and "FOO" as the same name (file names, some languages)
   */
  constructor(
    private readonly reserved: ReadonlySet<string> = new Set(),
    private readonly caseInsensitive = false,
  ) {}

  private key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }

  isFree(name: string): boolean {
    return !this.taken.has(this.key(name)) && !this.reserved.has(name);
  }

  /** Claims `base` or, when taken, `base2`, `base3`, ... (`join` puts the number on). */
  claim(base: string, join: (base: string, n: number) => string = withSuffix): string {
    let name = base;
    for (let n = 2; !this.isFree(name); n++) name = join(base, n);
    this.taken.add(this.key(name));
    return name;
  }
}

/** `name2`; inside the backticks of a quoted identifier (Scala's `` `type` `` -> `` `type2` ``), never after them. */
function withSuffix(base: string, n: number): string {
  return base.length > 2 && base.startsWith("`") && base.endsWith("`") ? `${base.slice(0, -1)}${n}\`` : `${base}${n}`;
}
