/**
 * The validators the write path runs by default: the Config page's schemas (`lib/config/schemas`) for the kinds
 * they check field by field (VirtualService, DestinationRule and the security kinds: every field, unknown ones
 * included), and the conservative known-field check of `validate.ts` for the rest (Gateway, whose spec those schemas
 * do not model yet, and Namespace, which they do not list).
 */
import { isConfigKind } from '@/lib/config/kinds';
import { hasFullSchema, validateObject } from '@/lib/config/schemas';
import { knownFieldsValidator, type ObjectValidator } from './validate';

/** One validator: the full schema when the kind has one, else the known-field check. */
export function defaultValidator(known: ObjectValidator = knownFieldsValidator()): ObjectValidator {
  return (object) => {
    const kind = object['kind'];
    return isConfigKind(kind) && hasFullSchema(kind) ? validateObject(object) : known(object);
  };
}
