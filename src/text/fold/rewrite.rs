//! The folded text written again with the number edits of [`super::numbers`], and its map: each digit read
//! off a word comes from that word, everything else from where it came before.

use super::numbers::{find_edits, Edit};
use std::ops::ControlFlow;

/// Applies the number edits of `text` to it and its map (see [`super::Normalized`]). With `keep_offsets` (the
/// draft has right-to-left copies, whose map is by folded offset), only the edits that keep every offset are
/// made: letters read as digits, not numbers spelled out.
pub(super) fn read_numbers(text: &mut String, anchors: &mut Vec<(u32, u32)>, keep_offsets: bool) {
    let mut any = false;
    let mut moves = false;
    find_edits(text, |edit| {
        any = true;
        moves |= matches!(edit, Edit::Spelled { .. });
        if moves {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if !any {
        return;
    }
    if !moves || keep_offsets {
        let mut letters: Vec<u32> = Vec::new();
        find_edits(text, |edit| {
            if let Edit::Digit { at, .. } = edit {
                letters.push(at as u32);
            }
            ControlFlow::Continue(())
        });
        let mut bytes = std::mem::take(text).into_bytes();
        for at in letters {
            let byte = &mut bytes[at as usize];
            *byte = if matches!(*byte, b'O' | b'o') { b'0' } else { b'1' };
        }
        *text = String::from_utf8(bytes).expect("ASCII letters replaced by ASCII digits");
        return;
    }
    let mut rewriter = Rewriter::new(text, anchors);
    find_edits(text, |edit| {
        rewriter.apply(edit);
        ControlFlow::Continue(())
    });
    let (new_text, new_anchors) = rewriter.finish();
    *text = new_text;
    *anchors = new_anchors;
}

/// Writes the folded text again with the number edits, and its map.
struct Rewriter<'t> {
    old: &'t str,
    old_anchors: &'t [(u32, u32)],
    /// The old anchors not yet passed.
    next_anchor: usize,
    /// The old text is written up to here.
    copied: usize,
    text: String,
    anchors: Vec<(u32, u32)>,
}

impl<'t> Rewriter<'t> {
    fn new(old: &'t str, old_anchors: &'t [(u32, u32)]) -> Rewriter<'t> {
        Rewriter {
            old,
            old_anchors,
            next_anchor: 0,
            copied: 0,
            text: String::with_capacity(old.len()),
            anchors: vec![(0, 0)],
        }
    }

    /// The original byte behind old folded byte `at`.
    fn origin(&self, at: usize) -> usize {
        let anchor = self.old_anchors.partition_point(|&(folded, _)| folded as usize <= at) - 1;
        let (folded, original) = self.old_anchors[anchor];
        original as usize + (at - folded as usize)
    }

    /// The next byte written comes from original byte `original`.
    fn sync(&mut self, original: usize) {
        let (folded, from) = self.anchors.last().copied().unwrap_or((0, 0));
        if from as usize + (self.text.len() - folded as usize) != original {
            let here = self.text.len() as u32;
            match self.anchors.last_mut() {
                Some(last) if last.0 == here => last.1 = original as u32,
                _ => self.anchors.push((here, original as u32)),
            }
        }
    }

    /// Copies the old text up to `to`, with its anchors.
    fn copy_to(&mut self, to: usize) {
        if to <= self.copied {
            return;
        }
        self.sync(self.origin(self.copied));
        let base = self.text.len() as isize - self.copied as isize;
        while self.next_anchor < self.old_anchors.len() && (self.old_anchors[self.next_anchor].0 as usize) < to {
            let (folded, original) = self.old_anchors[self.next_anchor];
            if folded as usize > self.copied {
                self.text.push_str(&self.old[self.copied..folded as usize]);
                self.copied = folded as usize;
                self.sync(original as usize);
                debug_assert_eq!(self.text.len() as isize - self.copied as isize, base);
            }
            self.next_anchor += 1;
        }
        self.text.push_str(&self.old[self.copied..to]);
        self.copied = to;
    }

    fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Digit { at, digit } if at >= self.copied => {
                self.copy_to(at);
                self.sync(self.origin(at));
                self.text.push(char::from(digit));
                self.copied = at + 1;
            }
            Edit::Spelled { start, end, out } if start >= self.copied => {
                self.copy_to(start);
                for (byte, from) in out {
                    let original = self.origin(from);
                    // Two bytes from one word ("19" from "nineteen") both come from its start.
                    let here = self.text.len() as u32;
                    match self.anchors.last_mut() {
                        Some(last) if last.0 == here => last.1 = original as u32,
                        _ => self.anchors.push((here, original as u32)),
                    }
                    self.text.push(char::from(byte));
                }
                self.copied = end;
            }
            _ => {}
        }
    }

    fn finish(mut self) -> (String, Vec<(u32, u32)>) {
        self.copy_to(self.old.len());
        let end = self.origin(self.old.len());
        self.sync(end);
        // Anchors that repeat the one before in step are dropped.
        let mut anchors: Vec<(u32, u32)> = Vec::with_capacity(self.anchors.len());
        for (folded, original) in self.anchors {
            let in_step = anchors.last().is_some_and(|&(f, o)| o + (folded - f) == original);
            if !in_step {
                anchors.push((folded, original));
            }
        }
        (self.text, anchors)
    }
}
