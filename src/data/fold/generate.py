#!/usr/bin/env python3
"""Writes table.rs: the characters PostGuard's folding reads as ASCII letters, digits or punctuation beyond the
few it handles by hand (src/text/fold.rs, `fold_char`).

Run from the repository root:  python3 src/data/fold/generate.py > src/data/fold/table.rs

Sources, all from Python's own `unicodedata` (its Unicode version is written into the table's header):
- every decimal digit (general category Nd: Devanagari, Bengali, Thai, Khmer, mathematical digits, ...);
- compatibility forms whose NFKC normalization is one ASCII letter, digit or punctuation mark (mathematical
  bold, italic, script, fraktur, double-struck, sans-serif and monospace letters, superscripts, subscripts,
  circled and squared letters and digits, modifier letters, small form variants such as U+FE6B "﹫");
- letters whose NFKD decomposition is one ASCII letter and combining marks (accented Latin beyond Latin-1);
- compatibility forms of two or three ASCII characters in the enclosed alphanumerics, number forms and
  ligature blocks ("⑩" → "10", "⑴" → "(1)", "Ⅻ" → "XII", "ﬁ" → "fi");
- by hand, "fancy text" characters with no compatibility mapping: negative circled and squared letters,
  dingbat circled digits, small capitals, and a few Latin letters with strokes (ł, đ, ħ, ƒ, ...).
"""
import sys
import unicodedata

# Characters fold_char handles itself (ranges), left out of the table.
BY_HAND = [(0x00A0, 0x00FF), (0x0300, 0x036F), (0x0660, 0x0669), (0x06F0, 0x06F9), (0x2000, 0x206F),
           (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFF01, 0xFF5E)]
# Punctuation a compatibility form may fold to (as fold_char reads dashes: U+2212 and the hyphens are "-").
DASHES = {'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63'}
PUNCT = set("@.-/()+=:#,'\"_!?*$%&;")
MULTI_BLOCKS = [(0x2150, 0x218F), (0x2460, 0x24FF), (0xFB00, 0xFB06), (0x1F100, 0x1F1E5)]
# Regional indicators (flags are pairs of them) stay emoji.
SKIP = [(0x1F1E6, 0x1F1FF)]

EXTRA = {}
for i in range(26):
    EXTRA[0x1F150 + i] = chr(65 + i)  # negative circled capitals
    EXTRA[0x1F170 + i] = chr(65 + i)  # negative squared capitals
for i in range(9):
    EXTRA[0x2776 + i] = str(i + 1)  # dingbat negative circled digits
    EXTRA[0x2780 + i] = str(i + 1)  # dingbat circled sans-serif digits
    EXTRA[0x278A + i] = str(i + 1)  # dingbat negative circled sans-serif digits
    EXTRA[0x24F5 + i] = str(i + 1)  # double circled digits
EXTRA[0x24FF] = '0'  # negative circled digit zero
EXTRA[0x24EA] = '0'
SMALL_CAPS = {'a': 0x1D00, 'b': 0x0299, 'c': 0x1D04, 'd': 0x1D05, 'e': 0x1D07, 'f': 0xA730, 'g': 0x0262,
              'h': 0x029C, 'i': 0x026A, 'j': 0x1D0A, 'k': 0x1D0B, 'l': 0x029F, 'm': 0x1D0D, 'n': 0x0274,
              'o': 0x1D0F, 'p': 0x1D18, 'r': 0x0280, 's': 0xA731, 't': 0x1D1B, 'u': 0x1D1C, 'v': 0x1D20,
              'w': 0x1D21, 'y': 0x028F, 'z': 0x1D22}
for letter, cp in SMALL_CAPS.items():
    EXTRA[cp] = letter
STROKES = {0x0141: 'L', 0x0142: 'l', 0x0110: 'D', 0x0111: 'd', 0x0126: 'H', 0x0127: 'h', 0x0131: 'i',
           0x0166: 'T', 0x0167: 't', 0x0192: 'f', 0x0180: 'b', 0x0197: 'I', 0x0268: 'i', 0x01B5: 'Z',
           0x01B6: 'z', 0x0244: 'U', 0x0289: 'u', 0x024C: 'R', 0x024D: 'r', 0x01E4: 'G', 0x01E5: 'g'}
EXTRA.update(STROKES)


def in_ranges(cp, ranges):
    return any(a <= cp <= b for a, b in ranges)


def is_ascii_out(s):
    return all(c.isascii() and (c.isalnum() or c in PUNCT) for c in s)


def target(cp):
    if in_ranges(cp, BY_HAND) or in_ranges(cp, SKIP) or 0xD800 <= cp <= 0xDFFF:
        return None
    if cp in EXTRA:
        return EXTRA[cp]
    ch = chr(cp)
    if unicodedata.category(ch) == 'Nd':
        return str(unicodedata.decimal(ch))
    nfkc = unicodedata.normalize('NFKC', ch)
    nfkc = ''.join('-' if c in DASHES else c for c in nfkc)
    if nfkc != ch and len(nfkc) == 1 and is_ascii_out(nfkc):
        return nfkc
    if nfkc != ch and 2 <= len(nfkc) <= 3 and is_ascii_out(nfkc) and in_ranges(cp, MULTI_BLOCKS):
        return nfkc
    nfkd = ''.join(c for c in unicodedata.normalize('NFKD', ch) if unicodedata.category(c) != 'Mn')
    if nfkd != ch and len(nfkd) == 1 and nfkd.isascii() and nfkd.isalpha():
        return nfkd
    return None


def main():
    pairs = [(cp, t) for cp in range(0x80, 0x110000) if (t := target(cp)) is not None]
    # Ranges of consecutive code points: targets that step by one ("Step": "𝐚𝐛𝐜"), one shared target
    # ("Same"), or one letter in capitals then small, in turns ("Cased": "ĀāĂăĄą"); two- and three-character
    # targets stand alone ("Text", an index into TEXTS).
    ranges = []
    for cp, t in pairs:
        if ranges and cp == ranges[-1][1] + 1 and len(t) == 1 and ranges[-1][2] != 'Text':
            first, last, kind, start = ranges[-1]
            n = cp - first
            fits = {
                'Step': ord(t) == ord(start) + n,
                'Same': t == start,
                'Cased': start.isupper() and t == (start if n % 2 == 0 else start.lower()),
            }
            if first == last:
                kind = next((k for k in ('Step', 'Same', 'Cased') if fits[k]), None)
            elif not fits[kind]:
                kind = None
            if kind:
                ranges[-1] = (first, cp, kind, start)
                continue
        ranges.append((cp, cp, 'Text' if len(t) > 1 else 'Step', t))
    texts = []
    for _, _, kind, t in ranges:
        if kind == 'Text' and t not in texts:
            texts.append(t)
    blocks = sorted({cp >> 8 for cp, _ in pairs})
    out = sys.stdout
    out.write(f"// Generated by src/data/fold/generate.py from Python {sys.version.split()[0]}'s unicodedata "
              f"(Unicode {unicodedata.unidata_version}); do not edit.\n")
    out.write(f"// {len(pairs)} characters in {len(ranges)} ranges.\n\n")
    out.write("/// The 256-character blocks that hold a folded character (code point >> 8), sorted.\n")
    out.write(f"pub(super) static BLOCKS: [u16; {len(blocks)}] = [\n")
    for i in range(0, len(blocks), 16):
        out.write("    " + ", ".join(f"0x{b:04X}" for b in blocks[i:i + 16]) + ",\n")
    out.write("];\n\n")
    out.write("/// The two- and three-character foldings, which `Fold::Text` names by index.\n")
    out.write(f"pub(super) static TEXTS: [&str; {len(texts)}] = [\n")
    for i in range(0, len(texts), 12):
        out.write("    " + ", ".join('"' + t.replace('\\', '\\\\').replace('"', '\\"') + '"' for t in texts[i:i + 12]) + ",\n")
    out.write("];\n\n")
    out.write("/// `(first, count, folded)`: the `count` characters from `first` on and how each folds (see [`Fold`]).\n")
    out.write("/// Sorted, never overlapping.\n")
    out.write(f"pub(super) static RANGES: [(u32, u16, Fold); {len(ranges)}] = [\n")
    for first, last, kind, t in ranges:
        if kind == 'Text':
            folded = f"Fold::Text({texts.index(t)})"
        else:
            c = t.replace('\\', '\\\\').replace("'", "\\'")
            folded = f"Fold::{kind}(b'{c}')"
        out.write(f"    (0x{first:05X}, {last - first + 1}, {folded}),\n")
    out.write("];\n")


main()
