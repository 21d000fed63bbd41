// Draft.js (X's composer) fixture: Enter or the Post button submits the editor state's plain text.
import React, { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ContentState, Editor, EditorState } from 'draft-js';
import { onPostButton, record } from './common.js';

/** @type {() => void} */
let submitNow = () => {};

function Composer() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  const latest = useRef(state);
  latest.current = state;
  const submit = () => {
    const current = latest.current;
    // Clear the way X does: a new empty content pushed onto the same state, caret kept in the editor.
    if (record(current.getCurrentContent().getPlainText('\n'))) {
      setState(EditorState.moveFocusToEnd(EditorState.push(current, ContentState.createFromText(''), 'remove-range')));
    }
  };
  submitNow = submit;
  return React.createElement(Editor, {
    editorState: state,
    onChange: setState,
    placeholder: "What's happening?",
    ariaLabel: 'Post text',
    handleReturn: (/** @type {KeyboardEvent} */ e) => {
      if (e.shiftKey) return 'not-handled';
      submit();
      return 'handled';
    },
  });
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('mount'))).render(React.createElement(Composer));
onPostButton(() => submitNow());
