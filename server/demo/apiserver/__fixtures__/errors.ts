/**
 * Test helpers: run a function that must refuse with an ApiError and return the Status it carries.
 */
import { ApiError, type Status } from '../status';

/** The Status of the ApiError `fn` throws; fails the test when it throws nothing or something else. */
export function statusOf(fn: () => unknown): Status {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  throw new Error('expected an ApiError, but nothing was thrown');
}
