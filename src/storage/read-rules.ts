import { backupProblem, type BackupProblem, type BackupProblemArgs, type BackupProblemCode } from './backup-problem';

/** What a rule returns for a value it rejected (after recording why). */
export const invalid: unique symbol = Symbol('invalid');
export type Invalid = typeof invalid;

/** Collects problems up to a limit; readers stop early once it is full. */
export class Problems {
  readonly list: BackupProblem[] = [];

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.list.length >= this.limit;
  }

  add<C extends BackupProblemCode>(code: C, at: string, ...args: BackupProblemArgs<C>): Invalid {
    if (!this.full) this.list.push(backupProblem(code, at, ...args));
    return invalid;
  }
}

/**
 * Reads one untrusted value into a typed one, or records why it cannot. Readers only copy
 * the keys they know into fresh objects, so nothing in a file can reach a prototype.
 */
export interface Rule<T> {
  /** What the value must be, as the end of "… must be ___". */
  readonly expected: string;
  read(value: unknown, at: string, problems: Problems): T | Invalid;
}

export function scalar<T>(expected: string, accepts: (value: unknown) => value is T): Rule<T> {
  return { expected, read: (value, at, problems) => (accepts(value) ? value : problems.add('wrong-type', at, expected)) };
}

export function text(max: number, pattern?: { readonly regex: RegExp; readonly expected: string }): Rule<string> {
  const expected = pattern?.expected ?? `text of at most ${max} characters`;
  return scalar(expected, (value): value is string => typeof value === 'string' && value.length <= max && (!pattern || pattern.regex.test(value)));
}

export function numberIn(min: number, max: number, whole = false): Rule<number> {
  const expected = whole ? `a whole number from ${min} to ${max}` : `a number from ${min} to ${max}`;
  return scalar(expected, (value): value is number => typeof value === 'number' && value >= min && value <= max && (!whole || Number.isInteger(value)));
}

export const boolean = scalar('true or false', (value): value is boolean => typeof value === 'boolean');

export function oneOf<const T extends string>(options: readonly T[]): Rule<T> {
  return scalar(`one of: ${options.join(', ')}`, (value): value is T => typeof value === 'string' && (options as readonly string[]).includes(value));
}

export function nullable<T>(rule: Rule<T>): Rule<T | null> {
  const expected = `${rule.expected}, or null`;
  return {
    expected,
    read: (value, at, problems) => {
      if (value === null) return null;
      const scratch = new Problems(1);
      const read = rule.read(value, at, scratch);
      return read === invalid ? problems.add('wrong-type', at, expected) : read;
    },
  };
}

/** A field a record may leave out; it is then absent from what is read. */
export function optional<T>(rule: Rule<T>): Rule<T | undefined> & { readonly optional: true } {
  return { expected: rule.expected, read: (value, at, problems) => rule.read(value, at, problems), optional: true };
}

const isOptional = (rule: Rule<unknown>): boolean => 'optional' in rule;

/** Keys that could reach an object's prototype if a careless reader copied them. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

type Fields = Readonly<Record<string, Rule<unknown>>>;
type Read<F extends Fields> = { -readonly [K in keyof F]: F[K] extends Rule<infer T> ? T : never };

/** An object with exactly these fields: unknown, forbidden and missing keys (unless optional) are all problems. */
export function record<F extends Fields>(what: string, fields: F): Rule<Read<F>> {
  const names = Object.keys(fields);
  const expected = `${what} (an object with the fields ${names.join(', ')})`;
  return {
    expected,
    read: (value, at, problems) => {
      if (!isPlainObject(value)) return problems.add('wrong-type', at, expected);
      let ok = true;
      for (const key of Object.keys(value)) {
        if (problems.full) return invalid;
        const path = at ? `${at}.${key}` : key;
        if (forbiddenKeys.has(key)) {
          problems.add('forbidden-key', path);
          ok = false;
        } else if (!Object.hasOwn(fields, key)) {
          problems.add('unknown-key', path, names.join(', '));
          ok = false;
        }
      }
      const out: Partial<Record<string, unknown>> = {};
      for (const name of names) {
        if (problems.full) return invalid;
        const path = at ? `${at}.${name}` : name;
        const rule = fields[name];
        if (!rule) continue;
        if (!Object.hasOwn(value, name)) {
          if (isOptional(rule)) continue;
          problems.add('missing-key', path);
          ok = false;
          continue;
        }
        const read = rule.read(value[name], path, problems);
        if (read === invalid) ok = false;
        else out[name] = read;
      }
      return ok ? (out as Read<F>) : invalid;
    },
  };
}

/** A list of at most `max` items; with `key`, no two items may share that field's value. */
export function list<T>(rule: Rule<T>, max: number, key?: keyof T & string): Rule<T[]> {
  const expected = `a list of at most ${max} items`;
  return {
    expected,
    read: (value, at, problems) => {
      if (!Array.isArray(value)) return problems.add('wrong-type', at, `a list (of ${rule.expected})`);
      if (value.length > max) return problems.add('too-many', at, max);
      const items: T[] = [];
      const seen = new Map<unknown, string>();
      let ok = true;
      for (let index = 0; index < value.length; index += 1) {
        if (problems.full) return invalid;
        const path = `${at}[${index}]`;
        const item = rule.read(value[index], path, problems);
        if (item === invalid) {
          ok = false;
          continue;
        }
        if (key !== undefined) {
          const first = seen.get(item[key]);
          if (first !== undefined) {
            problems.add('duplicate', `${path}.${key}`, key, first);
            ok = false;
          } else seen.set(item[key], path);
        }
        items.push(item);
      }
      return ok ? items : invalid;
    },
  };
}
