// @ts-check
// The JavaScript half of the report crossing (src/wasm.rs): builds the Report object from one array of
// numbers in a single call, instead of one call from wasm into JavaScript per field and one UTF-8 decode per
// string. wasm-bindgen copies this file into pkg/snippets/ and postguard.js imports it.
//
// Layout (u32): verdict as a string (3 numbers), the number of findings, care_context (0 or 1), then per
// finding: start, end, and kind, severity, identifier, message, suggestion and text as strings. A string is [address, byte length,
// how]: how 0 = absent, 1 = one of the core's built-in strings (fixed in wasm memory for the module's life, so
// decoded once and kept), 2 = made for this report (decoded, never kept: it may hold words of the draft).

const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

/** Built-in strings already decoded, by address and length. Bounded: the core has a fixed set of them. */
const builtIn = new Map();

const ABSENT = 0;
const BUILT_IN = 1;
const FINDING_LEN = 20;
/** Where the findings start (src/wasm.rs's FINDINGS_AT). */
const FINDINGS_AT = 5;

/**
 * @param {Uint8Array} bytes wasm memory
 * @param {Uint32Array} layout
 * @param {number} i where the string's three numbers start
 * @returns {string | undefined}
 */
function text(bytes, layout, i) {
  const how = layout[i + 2];
  if (how === ABSENT) return undefined;
  const address = layout[i];
  const length = layout[i + 1];
  if (how !== BUILT_IN) return decoder.decode(bytes.subarray(address, address + length));
  const key = address + length * 4294967296;
  let known = builtIn.get(key);
  if (known === undefined) {
    known = decoder.decode(bytes.subarray(address, address + length));
    builtIn.set(key, known);
  }
  return known;
}

/**
 * The Report object described by `layout` (keys in the order of the JSON report).
 * @param {WebAssembly.Memory} memory
 * @param {Uint32Array} layout
 */
export function buildReport(memory, layout) {
  const bytes = new Uint8Array(memory.buffer);
  const count = layout[3];
  const findings = new Array(count);
  for (let f = 0, i = FINDINGS_AT; f < count; f++, i += FINDING_LEN) {
    /** @type {Record<string, string | number>} */
    const finding = {
      kind: /** @type {string} */ (text(bytes, layout, i + 2)),
      severity: /** @type {string} */ (text(bytes, layout, i + 5)),
      start: layout[i],
      end: layout[i + 1],
      text: /** @type {string} */ (text(bytes, layout, i + 17)),
    };
    const identifier = text(bytes, layout, i + 8);
    if (identifier !== undefined) finding.identifier = identifier;
    finding.message = /** @type {string} */ (text(bytes, layout, i + 11));
    const suggestion = text(bytes, layout, i + 14);
    if (suggestion !== undefined) finding.suggestion = suggestion;
    findings[f] = finding;
  }
  return { verdict: text(bytes, layout, 0), findings, care_context: layout[4] === 1 };
}
