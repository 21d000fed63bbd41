// @ts-check
// Site adapters as data. Selectors are not verified against the live sites (they change often):
// keep them here, easy to update, and keep the generic path good enough on its own.

/**
 * @typedef {'post'|'comment'|'reply_to_review'|'message'} Context
 * @typedef {object} SiteAdapter
 * @property {string} id          stable name, also passed to the core as `site`
 * @property {string[]} hosts     host names; a host matches itself and its subdomains
 * @property {string} [field]     selector of the compose field(s); generic discovery is used as well
 * @property {string[]} submit    selectors of post/reply/send buttons
 * @property {Context} context    default context on this site
 * @property {{selector: string, context: Context}[]} [contexts] field (or an ancestor) matching selector => context
 * @property {EnterAction|Partial<Record<Context, EnterAction>>} enter  what plain Enter does in a multi-line
 *   field on this site, overall or per context (contexts not listed: 'submit', the safe side)
 * @property {string[]} [media]  selectors of the site's attachment previews in a composer (a photo or video
 *   attached to the draft), looked for in the field's composer at a submit (media.js). Best effort, only where
 *   the site's markup is known: X, Mastodon, Bluesky. Everywhere, file inputs in the composer and images or
 *   videos pasted or dropped into it are noticed without them.
 */

/** @typedef {'submit'|'newline'} EnterAction */

/** @type {SiteAdapter[]} */
export const SITES = [
  {
    id: 'facebook', hosts: ['facebook.com'], enter: { post: 'newline' }, context: 'post',
    field: '[contenteditable="true"][role="textbox"]',
    submit: ['[aria-label="Post"][role="button"]', '[aria-label="Comment"][role="button"]', '[aria-label="Reply"][role="button"]', '[aria-label="Send"][role="button"]', '[aria-label="Publicar"][role="button"]'],
    contexts: [
      { selector: '[aria-label*="comment" i], [aria-label*="comentario" i]', context: 'comment' },
      { selector: '[aria-label*="reply" i], [aria-label*="respuesta" i]', context: 'comment' },
      { selector: '[aria-label*="message" i], [aria-label*="mensaje" i]', context: 'message' },
    ],
  },
  {
    id: 'x', hosts: ['x.com', 'twitter.com'], enter: { post: 'newline', comment: 'newline' }, context: 'post',
    field: '[data-testid^="tweetTextarea_"][contenteditable="true"], [data-testid="dmComposerTextInput"]',
    submit: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]', '[data-testid="dmComposerSendButton"]'],
    media: ['[data-testid="attachments"]'],
    contexts: [{ selector: '[data-testid="dmComposerTextInput"]', context: 'message' }],
  },
  {
    id: 'linkedin', hosts: ['linkedin.com'], enter: { post: 'newline', comment: 'newline' }, context: 'post',
    field: '.ql-editor[contenteditable="true"], [role="textbox"][contenteditable="true"]',
    submit: ['button.share-actions__primary-action', 'button.comments-comment-box__submit-button', 'button.msg-form__send-button', 'button.comments-comment-box__submit-button--cr'],
    contexts: [
      { selector: '.comments-comment-box, .comments-comment-texteditor', context: 'comment' },
      { selector: '.msg-form', context: 'message' },
    ],
  },
  {
    id: 'instagram', hosts: ['instagram.com'], enter: 'submit', context: 'comment',
    field: 'textarea, [contenteditable="true"][role="textbox"]',
    submit: ['form button[type="submit"]', 'div[role="button"]:is([aria-label="Post"], [aria-label="Share"])'],
    contexts: [{ selector: '[aria-label*="message" i]', context: 'message' }],
  },
  {
    id: 'reddit', hosts: ['reddit.com'], enter: { post: 'newline', comment: 'newline' }, context: 'post',
    field: '[contenteditable="true"][role="textbox"], textarea',
    submit: ['button[type="submit"]', 'button[slot="submit-button"]', 'button[aria-label="Comment"]'],
    contexts: [{ selector: 'shreddit-composer, comment-composer-host, [name="comment"]', context: 'comment' }],
  },
  {
    id: 'tiktok', hosts: ['tiktok.com'], enter: 'submit', context: 'comment',
    field: '[contenteditable="true"]',
    submit: ['[data-e2e="comment-post"]', '[data-e2e="message-send"]'],
  },
  {
    id: 'youtube', hosts: ['youtube.com'], enter: 'newline', context: 'comment',
    field: '#contenteditable-root[contenteditable="true"]',
    submit: ['#submit-button button', 'ytd-button-renderer#submit-button'],
  },
  {
    id: 'threads', hosts: ['threads.net', 'threads.com'], enter: 'newline', context: 'post',
    field: '[contenteditable="true"][role="textbox"]',
    submit: ['div[role="button"]:is([aria-label="Post"], [aria-label="Reply"])'],
  },
  {
    id: 'bluesky', hosts: ['bsky.app'], enter: { post: 'newline', comment: 'newline' }, context: 'post',
    field: '.ProseMirror[contenteditable="true"], [data-testid="composerTextInput"] [contenteditable="true"], textarea[data-testid="messageInput"]',
    submit: ['[data-testid="composerPublishBtn"]', '[aria-label="Send message"]'],
    media: ['[data-testid="selectedPhotosView"]'],
    contexts: [{ selector: '[data-testid="messageInput"]', context: 'message' }],
  },
  {
    id: 'mastodon', hosts: ['mastodon.social', 'mastodon.online', 'mstdn.social', 'mas.to', 'med-mastodon.com'], enter: 'newline', context: 'post',
    field: 'textarea.autosuggest-textarea__textarea, .compose-form textarea',
    submit: ['.compose-form__publish button', '.compose-form__submit button', '.compose-form button[type="submit"]'],
    media: ['.compose-form__upload'],
  },
  {
    id: 'google_reviews', hosts: ['business.google.com'], enter: 'newline', context: 'reply_to_review',
    field: 'textarea',
    submit: ['button[aria-label*="Reply" i]', 'button[jsname][data-mdc-dialog-action="ok"]'],
  },
  {
    id: 'yelp', hosts: ['biz.yelp.com'], enter: 'newline', context: 'reply_to_review',
    field: 'textarea',
    submit: ['button[type="submit"]'],
  },
];

/** Words that name a post/reply/send button, matched against its whole text or aria-label. */
export const SUBMIT_WORDS = /^\s*(post|reply|send|tweet|publish|comment|share|submit|respond|post reply|send reply|publicar|responder|enviar|comentar|compartir|twittear)\s*$/i;

/** The generic adapter, used on any other site PostGuard runs on. */
/** @type {SiteAdapter} */
export const GENERIC = { id: 'generic', hosts: [], enter: 'submit', context: 'post', submit: [] };

/**
 * The adapter for a host name.
 * @param {string} host
 * @returns {SiteAdapter}
 */
export function adapterFor(host) {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const site of SITES) {
    if (site.hosts.some((s) => h === s || h.endsWith('.' + s))) return site;
  }
  return GENERIC;
}

/**
 * What plain Enter does in a multi-line field of this site and context.
 * @param {SiteAdapter} site
 * @param {Context} context
 * @returns {EnterAction}
 */
export function enterAction(site, context) {
  if (typeof site.enter === 'string') return site.enter;
  return site.enter[context] ?? 'submit';
}

/**
 * The context of a field: the adapter's rules, then words in the field's own labels, then the default.
 * @param {SiteAdapter} site
 * @param {Element} field
 * @returns {Context}
 */
export function contextFor(site, field) {
  for (const rule of site.contexts ?? []) {
    try {
      if (field.closest(rule.selector)) return rule.context;
    } catch { /* a bad selector in the table must not break checking */ }
  }
  const label = fieldLabel(field).toLowerCase();
  if (/\breview|reseña|opini[oó]n/.test(label)) return 'reply_to_review';
  if (site !== GENERIC) return site.context;
  if (/\bcomment|comentario/.test(label)) return 'comment';
  if (/\bmessage|mensaje|\bchat\b/.test(label)) return 'message';
  return site.context;
}

/**
 * The words a user sees describing a field: aria-label, placeholder, linked label, title.
 * @param {Element} field
 */
export function fieldLabel(field) {
  const parts = [field.getAttribute('aria-label'), field.getAttribute('placeholder'),
    field.getAttribute('aria-placeholder'), field.getAttribute('data-placeholder'), field.getAttribute('title')];
  const by = field.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(field.ownerDocument.getElementById(id)?.textContent ?? null);
  if ('labels' in field && field.labels) for (const l of /** @type {NodeListOf<HTMLLabelElement>} */ (field.labels)) parts.push(l.textContent);
  return parts.filter(Boolean).join(' ');
}
