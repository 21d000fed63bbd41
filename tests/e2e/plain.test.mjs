// Submit guard on plain fields: textarea, contenteditable, a review-reply page, and the same with a strict CSP.
import { guardSuite } from './suite.mjs';

guardSuite({ name: 'textarea', path: '/textarea.html' });
guardSuite({ name: 'contenteditable', path: '/contenteditable.html' });
guardSuite({ name: 'review reply', path: '/review.html' });
guardSuite({ name: "textarea, page CSP script-src 'self' (worker checker)", path: '/strict/textarea.html' });
guardSuite({ name: "contenteditable, page CSP script-src 'self' (worker checker)", path: '/strict/contenteditable.html' });
