import type { ReactNode } from 'react';
import { objectAt } from '@/lib/editor/lens';
import type { JsonObject } from '@/lib/write/types';
import { Field, INPUT } from './ui';

/** The name of a new object (an existing one keeps its name: renaming is not an edit). */
export function NameField(props: { object: JsonObject; onChange: (object: JsonObject) => void }): ReactNode {
  const metadata = objectAt(props.object['metadata']);
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  return (
    <Field label="Name" hint="lower-case letters, digits and “-”">
      <input
        type="text"
        data-testid="editor-name"
        value={name}
        onChange={(e) =>
          props.onChange({ ...props.object, metadata: { ...metadata, name: e.target.value.trim() } })
        }
        className={`${INPUT} w-72`}
      />
    </Field>
  );
}
