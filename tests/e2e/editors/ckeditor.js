// CKEditor 5 v48 fixture (GPL-2.0-or-later, used only as a test fixture, never shipped in the extension).
// Enter or Post submits the text of the editor's model, never its DOM. CKEditor takes typed text from
// `beforeinput` and puts its own view back over any other DOM change.
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { onPostButton, record } from './common.js';

ClassicEditor.create(/** @type {HTMLElement} */ (document.getElementById('mount')), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph],
  toolbar: [],
  placeholder: 'Write a post',
}).then(wire);

/** @param {ClassicEditor} editor */
function wire(editor) {
  /** The model's text: one line per paragraph. */
  const modelText = () => {
    const root = editor.model.document.getRoot();
    if (!root) return '';
    return [...root.getChildren()].map((block) => (block.is('element')
      ? [...block.getChildren()].map((node) => (node.is('$text') ? node.data : '')).join('')
      : '')).join('\n');
  };
  const submit = () => {
    if (record(modelText())) editor.setData('');
  };
  // A composer that posts on Enter listens to keydown (so a re-sent Enter works too); Shift+Enter is a soft
  // break. `?enter=newline`: Enter starts a new paragraph (CKEditor's own `beforeinput` insertParagraph).
  const enterPosts = new URLSearchParams(location.search).get('enter') !== 'newline';
  editor.editing.view.document.on('keydown', (evt, data) => {
    if (enterPosts && data.keyCode === 13 && !data.shiftKey) {
      data.preventDefault();
      evt.stop();
      submit();
    }
  }, { priority: 'highest' });
  onPostButton(submit);
}
