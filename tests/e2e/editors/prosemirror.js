// ProseMirror (Bluesky's composer, via TipTap) fixture. Enter or Post submits the document's text.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { onPostButton, record } from './common.js';

const view = new EditorView(document.getElementById('mount'), {
  state: EditorState.create({
    schema,
    plugins: [
      history(),
      keymap({ Enter: () => { submit(); return true; }, 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }),
      keymap(baseKeymap),
    ],
  }),
  attributes: { id: 'editor', 'aria-label': 'Post text', role: 'textbox' },
});

function submit() {
  const { doc } = view.state;
  if (record(doc.textBetween(0, doc.content.size, '\n'))) view.dispatch(view.state.tr.delete(0, view.state.doc.content.size));
}
onPostButton(submit);
