// Slate 0.146 (slate-react, slate-history) fixture. Enter or Post submits the editor's own value
// (editor.children), never its DOM. slate-react takes text only from `beforeinput`: a DOM changed any other
// way is not in this value, which is what the redaction tests look for.
import React, { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, Node, Transforms, createEditor } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';
import { withHistory } from 'slate-history';
import { onPostButton, record } from './common.js';

/** @type {import('slate').Editor|null} */
let current = null;
/** `?enter=newline`: Enter starts a new paragraph (slate-react's own `beforeinput` insertParagraph); only Post posts. */
const enterPosts = new URLSearchParams(location.search).get('enter') !== 'newline';

function submit() {
  const editor = current;
  if (!editor) return;
  if (record(editor.children.map((block) => Node.string(block)).join('\n'))) {
    Transforms.delete(editor, { at: Editor.range(editor, []) });
  }
}

function Composer() {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  current = editor;
  return React.createElement(Slate, {
    editor,
    initialValue: [{ type: 'paragraph', children: [{ text: '' }] }],
  }, React.createElement(Editable, {
    id: 'editor',
    'aria-label': 'Post text',
    placeholder: "What's happening?",
    // A composer that posts on Enter, as slate's own docs show: keydown, so a re-sent Enter works too.
    // Enter that commits an IME composition (keyCode 229) is not a post.
    onKeyDown: (/** @type {import('react').KeyboardEvent} */ e) => {
      if (enterPosts && e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        submit();
      }
    },
  }));
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('mount'))).render(React.createElement(Composer));
onPostButton(submit);
