// Lexical (Facebook/Reddit composers) fixture, plain text with history. Enter or Post submits the editor state.
import { $createParagraphNode, $getRoot, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { onPostButton, record } from './common.js';

const editor = createEditor({ namespace: 'fixture', onError: (e) => { throw e; } });
editor.setRootElement(document.getElementById('editor'));
registerPlainText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);

function submit() {
  const text = editor.getEditorState().read(() => $getRoot().getTextContent());
  if (record(text)) editor.update(() => { $getRoot().clear().append($createParagraphNode()); });
}
editor.registerCommand(KEY_ENTER_COMMAND, (event) => {
  if (event?.shiftKey) return false;
  event?.preventDefault();
  submit();
  return true;
}, COMMAND_PRIORITY_HIGH);
onPostButton(submit);
