import { type FieldError } from '../http/validation';

/** What a runtime setting may hold: JSON scalars (money as a decimal string, never a float). */
export type SettingValue = number | string | boolean;

/** A service's settings: an object of named scalars. */
export type SettingsShape<T> = { readonly [K in keyof T]: SettingValue };

/**
 * One service's runtime settings: which row they live in, their values until the first
 * change, and the rules a change must follow.
 */
export interface SettingsDefinition<T extends SettingsShape<T>> {
  /** The row's key in `runtime_settings`: the service's name. */
  readonly scope: string;
  /** In effect until the first change: the service's environment configuration. */
  readonly defaults: T;
  /**
   * What is wrong with `candidate` (the settings in effect with a change applied), one entry
   * per field; empty when it may be saved. `changed` names the fields the change sets: judge
   * a field's own rules only when it is in `changed` (a field nobody changes keeps whatever
   * the environment gave it); judge rules between fields always, naming the field the
   * caller set. A stored row is judged again with nothing in `changed`.
   */
  validate(candidate: T, changed: ReadonlySet<keyof T>): readonly FieldError[];
}

/** Refused: the change would break the service's rules. Nothing was saved. */
export class InvalidSettingsError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(`invalid settings: ${errors.map((error) => error.messages.join('; ')).join('; ')}`);
    this.name = InvalidSettingsError.name;
  }
}

/** One field's change, as the audit records it. */
export interface FieldChange {
  readonly before: SettingValue;
  readonly after: SettingValue;
}

export interface PlannedChange<T> {
  /** The settings to store: the whole set, so that instances agree whatever their defaults. */
  readonly next: T;
  /** The fields whose value differs, before and after; empty when nothing changes. */
  readonly changes: Readonly<Record<string, FieldChange>>;
}

/**
 * Reads a stored settings document: each known field that holds a value of its default's
 * type, the default for the rest (a field added after the row was written, or a value
 * someone typed by hand into the wrong shape).
 */
export function decodeSettings<T extends SettingsShape<T>>(
  definition: SettingsDefinition<T>,
  stored: Readonly<Record<string, unknown>>,
): T {
  const values: Record<string, SettingValue> = { ...definition.defaults };
  for (const [field, fallback] of Object.entries<SettingValue>(definition.defaults)) {
    const value = stored[field];
    if (typeof value === typeof fallback && isStorable(value)) values[field] = value;
  }
  return values as T;
}

/** A scalar JSON can carry as it is (NaN and infinities cannot). */
function isStorable(value: unknown): value is SettingValue {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean';
}

/**
 * Applies a partial change to the settings in effect: refuses unknown fields, values of the
 * wrong type and anything the definition's rules refuse (InvalidSettingsError, naming each
 * field); returns the whole next set and what changed.
 */
export function planSettingsChange<T extends SettingsShape<T>>(
  definition: SettingsDefinition<T>,
  current: T,
  patch: Readonly<Record<string, unknown>>,
): PlannedChange<T> {
  const defaults: Readonly<Record<string, SettingValue>> = definition.defaults;
  const next: Record<string, SettingValue> = { ...current };
  const changed = new Set<string>();
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const fallback = defaults[field];
    if (fallback === undefined) {
      errors.push({ field, messages: [`${field} is not a setting`] });
    } else if (typeof value !== typeof fallback || !isStorable(value)) {
      errors.push({ field, messages: [`${field} must be a ${typeof fallback}`] });
    } else {
      next[field] = value;
      changed.add(field);
    }
  }
  const candidate = next as T;
  if (errors.length === 0) errors.push(...definition.validate(candidate, changed as Set<keyof T>));
  if (errors.length > 0) throw new InvalidSettingsError(errors);
  const before: Readonly<Record<string, SettingValue>> = current;
  const changes: Record<string, FieldChange> = {};
  for (const field of changed) {
    const [was, now] = [before[field], next[field]];
    if (was !== undefined && now !== undefined && was !== now)
      changes[field] = { before: was, after: now };
  }
  return { next: candidate, changes };
}
