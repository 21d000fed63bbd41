// @ts-check
// The live check and the submit guard. Every listener is capture-phase on the window (registered by
// loader.js before the page's own scripts run), so a risky post is stopped before the site sees it. A post with
// a photo or video attached (media.js) gets the checklist in the same overlay when policy `media_check` says so.

import { fieldOfEvent, isElement, isTextControl, readText } from './fields.js';
import { contextFor, enterAction } from './sites.js';
import { fieldForButton, fieldInForm, resend, submitButton } from './triggers.js';
import { caretOffset, hasFocus, restoreSelection, saveSelection } from './selection.js';
import { liveWindow, shiftReport } from './live.js';
import { Badge, frameOffset } from './badge.js';
import { Card, findingAt, offsetAtPoint, offsetOf } from './card.js';
import { openOverlay } from './overlay.js';
import { applyChanges, settledText } from './redact.js';
import { keepAlive } from './checker.js';
import { count } from './settings.js';
import { t } from './i18n.js';
import { showNotice } from './notice.js';
import { MediaWatch } from './media.js';

const DEBOUNCE_MS = 300;
const CHECK_TIMEOUT_MS = 5000;
/** A long draft gets longer: 5 ms more per 1,000 characters (a 1 MB paste: 10 s). */
const checkTimeout = (/** @type {string} */ text) => CHECK_TIMEOUT_MS + Math.ceil(text.length / 200);
const CACHE_SIZE = 32;
/**
 * A made-up draft that wakes most rules, checked once when a field first gets focus: the core builds its
 * tables then (a few hundred ms on a slow machine), not at the user's first pause in typing. Never user text.
 */
const WARM_UP_TEXT = 'Pt Mrs. Lane, 72, in bed 4 was admitted Monday to the ICU; call 555-0100 or email a@b.org. '
  + 'SSN 219-09-9999, MRN 123456. Frequent flyer lol!! We guarantee a cure; stop your metformin.';

/**
 * @typedef {import('./fields.js').Field} Field
 * @typedef {import('./checker.js').Report} Report
 * @typedef {import('./checker.js').Checker} Checker
 * @typedef {import('./settings.js').Settings} Settings
 * @typedef {import('./sites.js').SiteAdapter} SiteAdapter
 * @typedef {import('./triggers.js').Trigger} Trigger
 */

/** @param {Event} e */
function stop(e) {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

export class Guard {
  /**
   * @param {SiteAdapter} site
   * @param {Document} doc  the document that shows the badge and the overlay
   * @param {Settings} settings
   */
  constructor(site, doc, settings) {
    this.site = site;
    this.doc = doc;
    this.settings = settings;
    /** @type {Checker|null} */
    this.checker = null;
    this.badge = new Badge(doc, () => this.reviewActive());
    /** @type {Promise<Checker>} */
    this.ready = new Promise((resolve) => {
      this.setChecker = (/** @type {Checker} */ c) => {
        this.checker = c;
        this.badge.host.setAttribute('data-checker', c.mode); // where the core runs, for tests and support
        resolve(c);
      };
    });
    /** @type {Map<string, Report>} */
    this.cache = new Map();
    this.card = new Card(doc);
    /** @type {WeakMap<Field, {text: string, report: Report}>} the last live result per field */
    this.latest = new WeakMap();
    this.pointerQueued = false;
    this.placeQueued = false;
    /** @type {Field|null} */
    this.lastField = null;
    /** @type {Field|null} the contenteditable whose DOM changes are followed (editors that type without `input`) */
    this.watched = null;
    /** @type {MutationObserver|null} */
    this.observer = null;
    /** @type {WeakSet<Field>} fields a redaction changed: the next submit re-reads them once the editor settled */
    this.redacted = new WeakSet();
    /** @type {WeakSet<Field>} */
    this.composing = new WeakSet();
    this.releasing = false;
    this.holding = false;
    this.swallowEnterKeyup = false;
    /** @type {{close: () => void}|null} */
    this.overlay = null;
    /** @type {ReturnType<typeof setTimeout>|undefined} */
    this.timer = undefined;
    /** @type {ReturnType<typeof setInterval>|undefined} */
    this.alive = undefined;
    /** @type {Promise<void>|null} the one warm-up of the core, started at the first focus */
    this.warming = null;
    /** photos and videos attached to drafts, until their post goes out */
    this.media = new MediaWatch();
  }

  /** @param {Field} field */
  options(field) {
    return { context: contextFor(this.site, field), site: this.site.id };
  }

  /**
   * @param {Field} field
   * @param {string} text
   */
  key(field, text) {
    const o = this.options(field);
    return `${o.context}\u0000${text}`;
  }

  /**
   * @param {string} key
   * @param {Report} report
   */
  remember(key, report) {
    this.cache.delete(key);
    this.cache.set(key, report);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(/** @type {string} */ (this.cache.keys().next().value));
  }

  /**
   * The result for this text if it is known now (cached, or the local core answers synchronously).
   * @param {Field} field
   * @param {string} text
   * @returns {Report|null}
   */
  known(field, text) {
    const key = this.key(field, text);
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.checker?.checkNow) {
      try {
        const report = this.checker.checkNow(text, this.options(field));
        this.remember(key, report);
        return report;
      } catch {
        return null;
      }
    }
    return null;
  }

  /**
   * @param {Field} field
   * @param {string} text
   * @returns {Promise<Report>}
   */
  async check(field, text) {
    const known = this.known(field, text);
    if (known) return known;
    const checker = await this.ready;
    const report = await checker.check(text, this.options(field));
    this.remember(this.key(field, text), report);
    return report;
  }

  /** @param {Report} report */
  warns(report) {
    return report.verdict === 'warn' || report.verdict === 'block';
  }

  /** @param {Report} report */
  blocks(report) {
    return report.verdict === 'block' || !this.settings.allowPostAnyway;
  }

  /**
   * Whether a submit of this field gets the photo and video checklist: media not yet confirmed goes with it,
   * and policy `media_check` is `always`, or `care_context` (the default) and the core found the draft reads as
   * written at work. A failed check (`report` null) or a report without the answer counts as work: the
   * checklist is only a question, and one photo too many asked about beats a patient posted.
   * @param {Field} field
   * @param {Report|null} report
   */
  needsChecklist(field, report) {
    const when = this.settings.mediaCheck;
    if (when === 'off' || !this.media.pending(field, this.site)) return false;
    return when === 'always' || report?.care_context !== false;
  }

  /**
   * Every event the loader forwards.
   * @param {Event} e
   */
  handle(e) {
    if (!this.settings.enabled || this.releasing) return;
    switch (e.type) {
      case 'change': case 'paste': case 'drop':
        this.media.notice(e, this.lastField); // never cancelled, never changed: the page handles its files
        return undefined;
      case 'focusin': case 'input': case 'beforeinput':
        if (e.type === 'input') this.media.notice(e, this.lastField); // a file input's choice fires `input` too
        this.card.hide();
        if (e.type !== 'focusin') this.badge.marks.hide(); // their positions are stale until the next check
        return this.onEdit(e);
      case 'mousemove': return this.onPointer(/** @type {MouseEvent} */ (e));
      case 'selectionchange': return this.onCaret();
      case 'focusout': return this.onBlur(e);
      case 'compositionstart': case 'compositionend':
        this.onComposition(e);
        return this.onMaybeEdited(fieldOfEvent(e));
      case 'keydown': return this.onKeyDown(/** @type {KeyboardEvent} */ (e));
      case 'keyup':
        this.onKeyUp(/** @type {KeyboardEvent} */ (e));
        return this.onMaybeEdited(fieldOfEvent(e));
      case 'click': return this.onClick(/** @type {MouseEvent} */ (e));
      case 'submit': return this.onSubmit(/** @type {SubmitEvent} */ (e));
      case 'scroll': case 'resize': return this.placeSoon();
      default: return undefined;
    }
  }

  /**
   * Focus, `input` or `beforeinput` in a field. `beforeinput` matters for editors that insert the text
   * themselves and cancel it (slate-react does so for digits and punctuation): no `input` follows.
   * @param {Event} e
   */
  onEdit(e) {
    const field = fieldOfEvent(e);
    if (!field) return;
    this.lastField = field;
    if (e.type === 'focusin') {
      this.follow(field);
      if (this.checker?.mode === 'worker' && this.alive === undefined) {
        keepAlive();
        this.alive = setInterval(keepAlive, 20000);
      }
    }
    this.schedule(field, e.type === 'focusin' ? 0 : DEBOUNCE_MS);
    if (e.type === 'focusin' && !this.warming) this.warming = this.ready.then((checker) => this.warmUp(checker, field));
  }

  /**
   * Run the live check of a field after `delay`, replacing the one already due.
   * @param {Field} field
   * @param {number} delay
   * @param {boolean} [ifChanged]  skip it if the field still reads the text of its last live result
   */
  schedule(field, delay, ifChanged = false) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const latest = this.latest.get(field);
      if (ifChanged && latest && this.badge.field === field && readText(field) === latest.text) return;
      this.liveCheck(field);
    }, delay);
  }

  /**
   * An event after which the text may have changed without an `input` event (a key released, a
   * composition ended, the field's DOM changed): check once the typing pauses, unless a check is already
   * due (it will read the text then; a busy DOM must not keep postponing it) or the text is unchanged.
   * @param {Field|null} field
   */
  onMaybeEdited(field) {
    if (!field || this.timer !== undefined) return;
    this.schedule(field, DEBOUNCE_MS, true);
  }

  /**
   * Follow a contenteditable field's DOM, so text an editor inserts without any event we see (or a page
   * that fills or clears the field) is checked too. One field at a time: the one last focused.
   * @param {Field} field
   */
  follow(field) {
    if (this.watched === field || isTextControl(field)) return;
    this.observer ??= new MutationObserver(() => {
      if (this.settings.enabled && this.watched?.isConnected) this.onMaybeEdited(this.watched);
    });
    this.observer.disconnect();
    this.observer.observe(field, { childList: true, characterData: true, subtree: true });
    this.watched = field;
  }

  /**
   * Check WARM_UP_TEXT once, when the page is idle, so the core's tables are built before the user's first
   * pause in typing. Its result is dropped.
   * @param {Checker} checker
   * @param {Field} field
   */
  warmUp(checker, field) {
    const run = () => {
      checker.check(WARM_UP_TEXT, this.options(field))
        .then(() => this.badge.host.setAttribute('data-warm', 'done'), () => {});
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  }

  /** Check the last field again (the settings changed), unless a check is already due after the typing pauses. */
  recheck() {
    if (this.timer === undefined && this.lastField?.isConnected) this.liveCheck(this.lastField);
  }

  /**
   * The finding of the current live result at a text offset, if the text is still the same.
   * @param {Field} field
   * @param {(field: Field) => number} offset
   */
  findingIn(field, offset) {
    const latest = this.latest.get(field);
    if (!latest || !latest.report.findings.length || readText(field) !== latest.text) return null;
    return findingAt(latest.report, offset(field));
  }

  /** Follow the field with the badge and underlines, at most once per frame. */
  placeSoon() {
    if (this.placeQueued || !this.badge.field) return;
    this.placeQueued = true;
    requestAnimationFrame(() => {
      this.placeQueued = false;
      this.badge.place();
    });
  }

  /** @param {MouseEvent} e */
  onPointer(e) {
    if (this.overlay || this.pointerQueued) return;
    if (!this.card.finding && this.badge.host.getAttribute('data-count') === '0') return; // nothing to explain
    const field = fieldOfEvent(e);
    if (!field || !this.latest.get(field)?.report.findings.length) {
      if (this.card.finding) this.card.hide();
      return;
    }
    this.pointerQueued = true;
    const { clientX, clientY } = e;
    requestAnimationFrame(() => {
      this.pointerQueued = false;
      const finding = this.findingIn(field, (f) => offsetAtPoint(f, clientX, clientY));
      if (!finding) { this.card.hide(); return; }
      const off = frameOffset(field.ownerDocument.defaultView);
      this.card.show(finding, clientX + off.left, clientY + off.top + 18);
    });
  }

  /** The caret moved: explain the flagged word it is in, if any. */
  onCaret() {
    if (this.overlay) return;
    const field = this.lastField;
    if (!field || !field.isConnected || !hasFocus(field)) { if (this.card.finding) this.card.hide(); return; }
    /** @type {DOMRect|null} */
    let rect = null;
    const finding = this.findingIn(field, (f) => {
      if (isTextControl(f)) {
        const c = /** @type {HTMLTextAreaElement} */ (f);
        return c.selectionStart === c.selectionEnd ? c.selectionStart ?? -1 : -1;
      }
      const sel = f.ownerDocument.getSelection();
      if (!sel || !sel.rangeCount || !sel.isCollapsed || !sel.anchorNode) return -1;
      rect = sel.getRangeAt(0).getBoundingClientRect();
      return offsetOf(f, sel.anchorNode, sel.anchorOffset);
    });
    if (!finding) { if (this.card.finding) this.card.hide(); return; }
    const box = /** @type {DOMRect|null} */ (rect);
    const r = box && (box.width || box.height) ? box : field.getBoundingClientRect();
    const off = frameOffset(field.ownerDocument.defaultView);
    this.card.show(finding, r.left + off.left, r.bottom + off.top + 6);
  }

  /** @param {Event} e */
  onBlur(e) {
    if (!fieldOfEvent(e)) return;
    this.card.hide();
    clearInterval(this.alive);
    this.alive = undefined;
  }

  /** @param {Field} field */
  async liveCheck(field) {
    if (!field.isConnected) { this.badge.hide(); return; }
    const text = readText(field);
    if (!text.trim()) { this.badge.show(field, { verdict: 'ok', findings: [] }, this.options(field).context); return; }
    const { start, end } = liveWindow(text, caretOffset(field));
    try {
      const report = shiftReport(await this.check(field, text.slice(start, end)), start);
      if (readText(field) !== text) return;
      this.latest.set(field, { text, report });
      this.badge.show(field, report, this.options(field).context, end - start < text.length);
    } catch {
      // The check failed (the core could not load, or the worker is gone): the badge says checks are
      // unavailable. The submit guard never blocks on a failed check in warn mode.
      if (readText(field) === text) this.badge.unavailable(field);
    }
  }

  /** @param {Event} e */
  onComposition(e) {
    const field = fieldOfEvent(e);
    if (!field) return;
    if (e.type === 'compositionstart') this.composing.add(field);
    else this.composing.delete(field);
  }

  /**
   * @param {Field} field
   * @param {KeyboardEvent} e
   */
  enterSubmits(field, e) {
    if (e.ctrlKey || e.metaKey) return true;
    if (field.localName === 'input') return true;
    return enterAction(this.site, contextFor(this.site, field)) === 'submit';
  }

  /** @param {KeyboardEvent} e */
  onKeyDown(e) {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    if (e.isComposing || e.keyCode === 229) return; // IME: Enter commits the composition
    const field = fieldOfEvent(e);
    if (!field || this.composing.has(field) || !this.enterSubmits(field, e)) return;
    const target = /** @type {Element} */ (e.composedPath()[0] ?? field);
    /** @type {KeyboardEventInit} */
    const init = { key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey,
      metaKey: e.metaKey, shiftKey: false, altKey: false, bubbles: true, cancelable: true, composed: true };
    if (this.guard(field, e, { type: 'key', target, init })) this.swallowEnterKeyup = true;
  }

  /** @param {KeyboardEvent} e */
  onKeyUp(e) {
    if (e.key === 'Enter' && this.swallowEnterKeyup) {
      this.swallowEnterKeyup = false;
      stop(e);
    }
  }

  /** @param {MouseEvent} e */
  onClick(e) {
    if (e.button !== 0) return;
    const button = submitButton(e, this.site);
    if (!button) return;
    // A photo posted with an empty caption: the field last written in, if media goes with it.
    const last = this.lastField;
    const field = fieldForButton(button, last)
      ?? (last?.isConnected && this.media.pending(last, this.site) ? last : null);
    if (!field) return;
    this.guard(field, e, { type: 'click', button });
  }

  /** @param {SubmitEvent} e */
  onSubmit(e) {
    const form = /** @type {HTMLFormElement} */ (e.target);
    if (!isElement(form) || form.localName !== 'form') return;
    const field = fieldInForm(form, this.lastField);
    if (!field) return;
    this.guard(field, e, { type: 'form', form, submitter: /** @type {HTMLElement|null} */ (e.submitter) });
  }

  /**
   * Decide about one submit attempt. Returns true if the event was stopped.
   * @param {Field} field
   * @param {Event} e
   * @param {Trigger} trigger
   * @returns {boolean}
   */
  guard(field, e, trigger) {
    if (this.overlay || this.holding) { stop(e); return true; }
    const text = readText(field);
    // A photo or video with no caption is still a post to look at.
    const empty = !text.trim() && !this.media.pending(field, this.site);
    if (this.redacted.has(field)) {
      // The first submit after a redaction: let the editor finish drawing its state, then judge what it shows.
      this.redacted.delete(field);
      if (empty) return false;
      stop(e);
      this.afterRedaction(field, trigger);
      return true;
    }
    if (empty) return false;
    const report = this.known(field, text);
    if (report) {
      const checklist = this.needsChecklist(field, report);
      if (!this.warns(report) && !checklist) { // known and fine: untouched
        this.media.sent(field, this.site);
        return false;
      }
      stop(e);
      this.warn(field, text, report, trigger, { checklist });
      return true;
    }
    stop(e);
    this.hold(field, text, trigger);
    return true;
  }

  /**
   * The result is not known yet: check, then release the submit or warn.
   * @param {Field} field
   * @param {string} text
   * @param {Trigger} trigger
   */
  async hold(field, text, trigger) {
    this.holding = true;
    /** @type {Report|null} */
    let report = null;
    try {
      report = await withTimeout(this.check(field, text), checkTimeout(text));
    } catch {
      report = null;
    } finally {
      this.holding = false;
    }
    if (readText(field) !== text) return; // the user kept typing; they will submit again
    if (report === null) {
      // Never eat a post because the checker failed, unless IT chose block mode.
      this.badge.unavailable(field);
      if (this.settings.mode === 'block') this.warn(field, text, { verdict: 'block', findings: [] }, trigger, { error: t('checkFailed') });
      else if (this.needsChecklist(field, null)) {
        // The text went unchecked; the photo is still asked about (with the text's status said).
        this.warn(field, text, { verdict: 'ok', findings: [] }, trigger, { status: t('checklistTextUnchecked'), checklist: true });
      } else {
        this.media.sent(field, this.site);
        this.release(field, trigger);
        showNotice(this.doc, t('noticeUnchecked'), t('actionClose'));
      }
      return;
    }
    this.badge.show(field, report, this.options(field).context);
    const checklist = this.needsChecklist(field, report);
    if (this.warns(report) || checklist) this.warn(field, text, report, trigger, { checklist });
    else {
      this.media.sent(field, this.site);
      this.release(field, trigger);
    }
  }

  /**
   * A submit held after a redaction: wait until the editor's text has stayed the same for a few frames
   * (an editor may draw its own state again after the overlay closed), then check that text like any
   * other. If it never settles, the guard cannot tell what the editor holds: it says so, and the post stays
   * held until the user sends it again.
   * @param {Field} field
   * @param {Trigger} trigger
   */
  async afterRedaction(field, trigger) {
    this.holding = true;
    /** @type {string|null} */
    let text = null;
    try {
      text = await settledText(field);
    } finally {
      this.holding = false;
    }
    if (text !== null) {
      const report = this.known(field, text);
      if (!report) { this.hold(field, text, trigger); return; }
      const checklist = this.needsChecklist(field, report);
      if (this.warns(report) || checklist) this.warn(field, text, report, trigger, { checklist });
      else {
        this.media.sent(field, this.site);
        this.release(field, trigger);
      }
      return;
    }
    const latest = readText(field);
    /** @type {Report} */
    let report;
    try {
      report = await this.check(field, latest);
    } catch {
      report = { verdict: /** @type {const} */ ('warn'), findings: [] };
    }
    this.warn(field, latest, report, trigger,
      { status: t('redactUnconfirmed'), checklist: this.needsChecklist(field, report), textHeld: true });
  }

  /**
   * Send the held submit again, the way it started, without guarding it.
   * @param {Field} field
   * @param {Trigger} trigger
   */
  release(field, trigger) {
    this.releasing = true;
    try {
      resend(field, trigger);
    } finally {
      this.releasing = false;
    }
  }

  /**
   * Open the overlay for a stopped submit.
   * @param {Field} field
   * @param {string} text
   * @param {Report} report
   * @param {Trigger|null} trigger  null when the user opened it from the badge
   * @param {{error?: string, status?: string, checklist?: boolean, textHeld?: boolean}} [how]
   *   error: the check itself failed (block mode); status: a message shown in the dialog from the start;
   *   checklist: a photo or video goes with the post, so the checklist is shown too; textHeld: the text is held
   *   for its own sake (a redaction PostGuard could not confirm), so IT's rule on posting past a warning applies
   */
  warn(field, text, report, trigger, how = {}) {
    if (this.overlay) return;
    const { error, status, checklist = false, textHeld = false } = how;
    this.card.hide();
    const selection = saveSelection(field);
    // Only the checklist, with nothing at warn level in the text: "Post" is the way on, whatever IT says of
    // posting past a warning.
    const mediaOnly = checklist && !this.warns(report) && !error && !textHeld;
    const block = !trigger || Boolean(error) || (!mediaOnly && this.blocks(report));
    const options = this.options(field);
    if (trigger && !mediaOnly) count('warnings_shown');
    if (trigger && checklist) count('media_checklists_shown');
    const backToEditor = () => {
      this.overlay = null;
      field.focus({ preventScroll: true });
      restoreSelection(field, selection);
    };
    this.overlay = openOverlay({
      doc: this.doc,
      text,
      report,
      block,
      error,
      status,
      canRedact: report.findings.some((f) => f.suggestion != null),
      requireReason: this.settings.requireReason && !mediaOnly,
      checklist,
      mediaOnly,
      onEdit: backToEditor,
      onPostAnyway: () => {
        backToEditor(); // editors act on keys only when focused, with their selection in place
        if (!trigger || readText(field) !== text) return;
        const send = () => {
          if (!mediaOnly) count('posted_anyway');
          if (checklist) count('media_posted_after_checklist');
          // Confirmed and sent: this media is not asked about again (counts only; nothing of it is kept).
          this.media.sent(field, this.site);
          this.release(field, trigger);
        };
        if (trigger.type !== 'key') { send(); return; }
        // An editor takes the focus and the restored selection in its own handlers (CKEditor after its
        // focus and selectionchange events): one task for that before the key, and its new line, arrive.
        this.holding = true;
        setTimeout(() => {
          this.holding = false;
          if (readText(field) === text) send();
        }, 50);
      },
      onRedact: async () => {
        const current = readText(field);
        if (current !== text) { return t('redactTextChanged'); }
        /** @type {import('./redact.js').RedactOutcome} */
        let outcome;
        try {
          const checker = await this.ready;
          const redaction = await checker.redact(text, options);
          outcome = await applyChanges(field, redaction.changes, redaction.text);
        } catch {
          return t('redactFailed');
        }
        if (outcome.applied) count('posts_changed');
        if (outcome.applied || outcome.status !== 'refused') this.redacted.add(field);
        // Not all in the editor's state: the dialog stays open and the post held; the user edits by hand.
        if (outcome.status === 'unconfirmed') return t('redactUnconfirmed');
        if (outcome.status === 'refused') return t('redactDidNotLand');
        this.overlay = null;
        field.focus({ preventScroll: true });
        this.liveCheck(field);
        return null;
      },
    });
  }

  /** The user clicked the badge: show what was found, without a post to release. */
  reviewActive() {
    const field = this.badge.field;
    if (!field) return;
    const text = readText(field);
    const report = this.known(field, text);
    if (report && report.findings.length) this.warn(field, text, report, null);
  }
}
