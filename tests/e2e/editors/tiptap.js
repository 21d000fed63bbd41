// TipTap 3 (ProseMirror underneath; Bluesky's and many newer composers) fixture. Enter or Post submits
// editor.getText(), the editor's own document.
import { Editor, Extension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import { onPostButton, record } from './common.js';

const SubmitOnEnter = Extension.create({
  name: 'submitOnEnter',
  addKeyboardShortcuts() {
    return { Enter: () => { submit(); return true; } };
  },
});

const editor = new Editor({
  element: /** @type {HTMLElement} */ (document.getElementById('mount')),
  extensions: [Document, Paragraph, Text, UndoRedo, SubmitOnEnter, Placeholder.configure({ placeholder: 'Say something' })],
  editorProps: { attributes: { id: 'editor', 'aria-label': 'Post text', role: 'textbox' } },
});

function submit() {
  if (record(editor.getText({ blockSeparator: '\n' }))) editor.commands.clearContent(true);
}
onPostButton(submit);
