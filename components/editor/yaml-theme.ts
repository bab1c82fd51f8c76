import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * The YAML editor's look: transparent on the page's own background (light or dark), mid-tone token colours that
 * read on both (Tailwind's 600 shades), and a faint active line instead of CodeMirror's light one.
 */
const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: '#0284c7' },
  { tag: [tags.string, tags.special(tags.string)], color: '#059669' },
  { tag: tags.content, color: 'inherit' },
  { tag: [tags.lineComment, tags.meta], color: '#64748b', fontStyle: 'italic' },
  { tag: [tags.labelName, tags.typeName, tags.keyword], color: '#c026d3' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: '#64748b' },
]);

const frame = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'transparent', color: 'inherit' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', caretColor: 'currentColor' },
  '.cm-cursor': { borderLeftColor: 'currentColor' },
  '.cm-gutters': {
    backgroundColor: 'transparent',
    color: '#64748b',
    borderRight: '1px solid rgb(148 163 184 / 0.3)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'rgb(148 163 184 / 0.12)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'rgb(14 165 233 / 0.25)',
  },
  '&.cm-focused': { outline: 'none' },
});

/** The theme and highlighting, as one extension (placed before `basicSetup`'s fallback highlighting). */
export const yamlTheme: Extension = [frame, syntaxHighlighting(highlight)];
