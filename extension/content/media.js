// @ts-check
// Photos and videos attached to a draft. Text checks cannot see what a picture shows, so a post with media gets
// a short checklist before it goes out (policy `media_check`); this file tells the guard whether a compose
// field has media with it. It follows the page's own events and never changes them: a file chosen in a file
// input (`input`/`change`), an image or video pasted or dropped (`paste`, `drop`), and, per site adapter, the
// site's attachment preview (`media` selectors in sites.js). Nothing reads a file's contents, alters it or keeps
// its name: a file is looked at only for its type, and only the fact that media is there is remembered, in
// memory, until the post goes out.

import { fieldFrom, fieldOfEvent, isElement } from './fields.js';

/** @typedef {import('./fields.js').Field} Field */

const MEDIA_TYPE = /^(image|video)\//i;
/** Names of photo and video files, for a file whose type the browser left empty (HEIC on some systems). */
const MEDIA_NAME = /\.(jpe?g|png|gif|webp|heic|heif|avif|bmp|tiff?|mp4|mov|m4v|webm|mkv|avi|3gp)$/i;
const FIELD_SELECTOR = 'textarea, input:not([type]), input[type="text"], [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
/** How far above a field its composer may reach: deep enough for the nested layouts of the big sites. */
const MAX_UP = 25;

/**
 * Whether a file is a photo or a video.
 * @param {{type: string, name?: string}} file
 */
export function isMediaFile(file) {
  return MEDIA_TYPE.test(file.type) || (!file.type && MEDIA_NAME.test(file.name ?? ''));
}

/**
 * Whether a paste's or a drop's data holds a photo or a video.
 * @param {DataTransfer|null|undefined} data
 */
export function transferHasMedia(data) {
  if (!data) return false;
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind === 'file' && MEDIA_TYPE.test(item.type)) return true;
  }
  return Array.from(data.files ?? []).some(isMediaFile);
}

/**
 * The element above, crossing out of an open shadow root to its host.
 * @param {Element} el
 * @returns {Element|null}
 */
function up(el) {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return 'host' in root ? /** @type {ShadowRoot} */ (root).host : null;
}

/**
 * Whether `node` is `scope` or inside it, through open shadow roots.
 * @param {Element} scope
 * @param {Element} node
 */
export function within(scope, node) {
  for (let el = /** @type {Element|null} */ (node); el; el = up(el)) if (el === scope) return true;
  return false;
}

/**
 * Whether `el` holds a visible compose field other than `field` (or one inside it).
 * @param {Element} el
 * @param {Field} field
 */
function holdsAnotherField(el, field) {
  for (const candidate of el.querySelectorAll(FIELD_SELECTOR)) {
    const other = fieldFrom(candidate);
    if (other && other !== field && !field.contains(other) && !other.contains(field) && other.getClientRects().length) return true;
  }
  return false;
}

/**
 * The composer a field belongs to: its form or dialog if it has one, otherwise the largest element above it
 * that holds no other compose field (so a page's search box or another post's comment box is never in it).
 * Media chosen, pasted or dropped anywhere in it goes with this field.
 * @param {Field} field
 * @returns {Element}
 */
export function composeScope(field) {
  /** @type {Element} */
  let scope = field;
  let el = up(field);
  for (let i = 0; el && i < MAX_UP; i++, el = up(el)) {
    if (el.localName === 'body' || el.localName === 'html') break;
    if (el.matches('form, [role="dialog"]')) return el;
    if (holdsAnotherField(el, field)) break;
    scope = el;
  }
  return scope;
}

/**
 * Whether some file input of the document holds a photo or video now.
 * @param {Document} doc
 */
function holdsMedia(doc) {
  for (const input of doc.querySelectorAll('input[type="file"]')) {
    if (Array.from(/** @type {HTMLInputElement} */ (input).files ?? []).some(isMediaFile)) return true;
  }
  return false;
}

/**
 * @typedef {object} Attachment  media seen arriving: where, and the field being written then
 * @property {Element} element  the file input, or the element the paste or drop landed on
 * @property {Field|null} field
 */

/** What the guard asks about media: noticed from events, matched to a field at its submit. */
export class MediaWatch {
  constructor() {
    /** @type {Attachment[]} */
    this.attachments = [];
    /** @type {WeakSet<Element>} previews (and file inputs holding files) already confirmed or posted */
    this.done = new WeakSet();
  }

  /**
   * An event that may bring media: `input`/`change` of a file input, `paste`, `drop`. Never cancels it.
   * @param {Event} e
   * @param {Field|null} lastField  the field last edited, for a file input or drop zone outside any composer
   * @returns {boolean} whether media arrived
   */
  notice(e, lastField) {
    const target = e.composedPath()[0];
    if (!isElement(target)) return false;
    let media = false;
    if (e.type === 'paste') media = transferHasMedia(/** @type {ClipboardEvent} */ (e).clipboardData);
    else if (e.type === 'drop') media = transferHasMedia(/** @type {DragEvent} */ (e).dataTransfer);
    else if (target.localName === 'input' && /** @type {HTMLInputElement} */ (target).type === 'file') {
      media = Array.from(/** @type {HTMLInputElement} */ (target).files ?? []).some(isMediaFile);
    }
    if (!media) return false;
    // In the field itself (a paste, a drop on the text), or the field last written in: a file input or drop
    // zone elsewhere on the page is the composer's own, unless it sits in another form or dialog.
    let field = fieldOfEvent(e);
    if (!field && lastField?.isConnected) {
      const home = target.closest('form, [role="dialog"]');
      if (!home || within(home, lastField)) field = lastField;
    }
    this.attachments = this.attachments.filter((a) => a.element.isConnected || a.field?.isConnected);
    if (!this.attachments.some((a) => a.element === target && a.field === field)) this.attachments.push({ element: target, field });
    return true;
  }

  /**
   * The site's attachment previews in the field's composer, and its file inputs that hold media now.
   * @param {Element} scope
   * @param {import('./sites.js').SiteAdapter} site
   * @returns {Element[]}
   */
  previews(scope, site) {
    /** @type {Element[]} */
    const found = [];
    for (const selector of site.media ?? []) {
      try {
        found.push(...scope.querySelectorAll(selector));
      } catch { /* a bad selector in the table must not break the guard */ }
    }
    for (const input of scope.querySelectorAll('input[type="file"]')) {
      if (Array.from(/** @type {HTMLInputElement} */ (input).files ?? []).some(isMediaFile)) found.push(input);
    }
    return found;
  }

  /**
   * Whether media not yet confirmed goes with this field's post.
   * @param {Field} field
   * @param {import('./sites.js').SiteAdapter} site
   */
  pending(field, site) {
    // Most submits have no media at all: nothing noticed, no preview to look for, no file input holding any.
    if (!this.attachments.length && !site.media?.length && !holdsMedia(field.ownerDocument)) return false;
    const scope = composeScope(field);
    if (this.attachments.some((a) => a.field === field || (a.element.isConnected && within(scope, a.element)))) return true;
    return this.previews(scope, site).some((preview) => !this.done.has(preview));
  }

  /**
   * The field's media went out (or was confirmed for a post that went out): forget it, so the next post from
   * this composer is asked about only if new media arrives.
   * @param {Field} field
   * @param {import('./sites.js').SiteAdapter} site
   */
  sent(field, site) {
    if (!this.attachments.length && !site.media?.length && !holdsMedia(field.ownerDocument)) return;
    const scope = composeScope(field);
    this.attachments = this.attachments.filter((a) => !(a.field === field || (a.element.isConnected && within(scope, a.element))));
    for (const preview of this.previews(scope, site)) this.done.add(preview);
  }
}
