// Submit guard and redaction on real editors bundled from npm: Draft.js, Lexical, Quill 2, ProseMirror,
// TipTap 3, Slate and CKEditor 5. Each fixture posts its editor's own state, never its DOM.
import { guardSuite } from './suite.mjs';
import { bundleEditors } from './bundle.mjs';

const FIELDS = {
  draft: '.public-DraftEditor-content',
  lexical: '#editor',
  quill: '#editor',
  prosemirror: '#editor',
  tiptap: '#editor',
  slate: '#editor',
  ckeditor: '.ck-editor__editable',
};

for (const [name, field] of Object.entries(FIELDS)) {
  guardSuite({ name: `${name} editor`, path: `/${name}.html`, field, prepare: bundleEditors });
}
guardSuite({ name: "lexical editor, page CSP script-src 'self' (worker checker)", path: '/strict/lexical.html', field: '#editor', prepare: bundleEditors });
guardSuite({ name: "prosemirror editor, page CSP script-src 'self' (worker checker)", path: '/strict/prosemirror.html', field: '#editor', prepare: bundleEditors });
