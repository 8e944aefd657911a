import { type Type } from '@nestjs/common';

/*
 * Nest's decorators applied the way TypeScript's legacy (`experimentalDecorators`) output
 * applies them. tsx, started from the repository root, finds no tsconfig.json and compiles
 * `@Decorator` syntax as TC39 decorators, which Nest's decorators do not understand; calling
 * them keeps the bench independent of the transpiler. esbuild emits no `design:paramtypes`
 * either, so bench classes take no constructor parameters: Nest could not resolve them.
 */

export function decorateClass(target: Type, ...decorators: ClassDecorator[]): void {
  Reflect.decorate(decorators, target);
}

export function decorateMethod(
  prototype: object,
  key: string,
  ...decorators: MethodDecorator[]
): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
  if (descriptor === undefined) throw new Error(`no method "${key}" to decorate`);
  Object.defineProperty(prototype, key, Reflect.decorate(decorators, prototype, key, descriptor));
}
