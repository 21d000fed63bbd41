// Quill 2 (LinkedIn's composer) fixture. Enter or Post submits quill.getText().
import Quill from 'quill';
import { onPostButton, record } from './common.js';

const quill = new Quill('#mount', {
  placeholder: 'What do you want to talk about?',
  modules: {
    toolbar: false,
    keyboard: {
      bindings: {
        submit: { key: 'Enter', shiftKey: false, handler: () => { submit(); return false; } },
      },
    },
  },
});
quill.root.id = 'editor';
quill.root.setAttribute('aria-label', 'Post text');

function submit() {
  if (record(quill.getText())) quill.setText('');
}
onPostButton(submit);
