/**
 * Runs `run` and returns what it threw, which must be an instance of `type`; fails the test otherwise (nothing
 * thrown, or something else thrown). For asserting on a typed error's fields.
 */
export function thrown<E>(run: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name} to be thrown`);
}
