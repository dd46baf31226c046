//! Logical IDs, as `core/lib/private/uniqueid.ts` (`makeUniqueId`) computes them.
//!
//! The components of a path below its stack, minus `Default` ([`HIDDEN_ID`]); a single
//! component is used as is (alphanumerics only); otherwise the alphanumerics of the components,
//! with `Resource` ([`HIDDEN_FROM_HUMAN_ID`]) left out and a component dropped when the one
//! before ends with it, capped at [`MAX_HUMAN_LEN`], then [`HASH_LEN`] upper-case hex digits of
//! the MD5 of the components joined by `/`.

use md5::{Digest, Md5};

/// A component left out of the id and of the hash.
pub const HIDDEN_ID: &str = "Default";
/// A component left out of the readable part (but hashed).
pub const HIDDEN_FROM_HUMAN_ID: &str = "Resource";
/// Hex digits of the path hash.
pub const HASH_LEN: usize = 8;
/// Longest readable part.
pub const MAX_HUMAN_LEN: usize = 240;
/// Longest id kept as is for a single component.
pub const MAX_ID_LEN: usize = 255;

/// `makeUniqueId`: the logical ID for these path components; `None` when nothing is left
/// once `Default` components are removed.
///
/// ```
/// use cdk_core::logical_id::make_unique_id;
/// assert_eq!(make_unique_id(&["TopLevel"]).as_deref(), Some("TopLevel"));
/// assert_eq!(make_unique_id(&["Level1", "Resource"]).as_deref(), Some("Level1ABBD39B3"));
/// ```
pub fn make_unique_id<S: AsRef<str>>(components: &[S]) -> Option<String> {
    let kept = || components.iter().map(AsRef::as_ref).filter(|c| *c != HIDDEN_ID);
    let mut it = kept();
    let first = it.next()?;
    if it.next().is_none() {
        let top = remove_non_alphanumeric(first);
        if top.len() <= MAX_ID_LEN {
            return Some(top);
        }
    }
    let mut id = String::with_capacity(64);
    let mut last: Option<&str> = None;
    for c in kept() {
        // a component is dropped when the previous kept one ends with it (`Dup/Dup` → `Dup`)
        if last.is_some_and(|l| l.ends_with(c)) {
            continue;
        }
        last = Some(c);
        if c != HIDDEN_FROM_HUMAN_ID {
            push_alphanumeric(&mut id, c);
        }
    }
    id.truncate(MAX_HUMAN_LEN);
    push_path_hash(&mut id, kept());
    Some(id)
}

/// Appends the [`HASH_LEN`] upper-case hex digits of the MD5 of the components joined by `/`.
fn push_path_hash<'c>(out: &mut String, components: impl Iterator<Item = &'c str>) {
    let mut md5 = Md5::new();
    for (i, c) in components.enumerate() {
        if i > 0 {
            md5.update(b"/");
        }
        md5.update(c.as_bytes());
    }
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for b in md5.finalize().iter().take(HASH_LEN / 2) {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 0xf) as usize] as char);
    }
}

/// `makeUniqueResourceName`-style hash: the first [`HASH_LEN`] hex digits of the MD5 of the
/// components joined by `/`, upper-cased.
pub fn path_hash<S: AsRef<str>>(components: &[S]) -> String {
    let joined = components.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("/");
    let mut hex = md5_hex(joined.as_bytes());
    hex.truncate(HASH_LEN);
    hex.to_uppercase()
}

/// Lower-case hex MD5 of some bytes.
pub fn md5_hex(bytes: &[u8]) -> String {
    let digest = Md5::digest(bytes);
    hex(&digest)
}

/// An MD5 hash of text fed in pieces: [`Md5Hex::finish`] gives what [`md5_hex`] gives for
/// all of it at once, without holding it.
///
/// ```
/// use cdk_core::logical_id::{md5_hex, Md5Hex};
/// let mut h = Md5Hex::default();
/// h.update(b"ab");
/// h.update(b"c");
/// assert_eq!(h.finish(), md5_hex(b"abc"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Md5Hex(Md5);

impl Md5Hex {
    /// Feeds the next bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The lower-case hex MD5 of everything fed.
    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }

    /// The lower-case hex MD5 of the text `produce` writes into the string it is given,
    /// handing it to the function it is given (which takes the text, leaving the string
    /// empty) whenever it holds [`Md5Hex::PIECE`] bytes or more; what is left in the string
    /// at the end is hashed too. From the first piece handed on, the hash is computed by a
    /// thread of its own while the rest is written (the hash input of an API's deployment is
    /// megabytes of text); a small text is hashed here.
    ///
    /// ```
    /// use cdk_core::logical_id::{md5_hex, Md5Hex};
    /// let digest = Md5Hex::of_text(|text, hand_on| {
    ///     for i in 0..100_000 {
    ///         text.push_str(&i.to_string());
    ///         if text.len() >= Md5Hex::PIECE {
    ///             hand_on(text);
    ///         }
    ///     }
    ///     Ok::<(), ()>(())
    /// })?;
    /// let all: String = (0..100_000).map(|i| i.to_string()).collect();
    /// assert_eq!(digest, md5_hex(all.as_bytes()));
    /// # Ok::<(), ()>(())
    /// ```
    ///
    /// # Errors
    /// The error of `produce`.
    pub fn of_text<E>(
        produce: impl FnOnce(&mut String, &mut dyn FnMut(&mut String)) -> Result<(), E>,
    ) -> Result<String, E> {
        use std::sync::mpsc;
        std::thread::scope(|scope| {
            let mut text = String::with_capacity(Self::PIECE + Self::PIECE / 4);
            // the hashing thread: pieces to hash, and their strings given back
            let mut worker = None;
            let mut spare: Option<mpsc::Receiver<String>> = None;
            let result = produce(&mut text, &mut |piece| {
                let (pieces, _) = worker.get_or_insert_with(|| {
                    let (pieces_tx, pieces_rx) = mpsc::sync_channel::<String>(4);
                    let (spare_tx, spare_rx) = mpsc::channel::<String>();
                    spare = Some(spare_rx);
                    let hashed = scope.spawn(move || {
                        let mut md5 = Md5::new();
                        for mut piece in pieces_rx {
                            md5.update(piece.as_bytes());
                            piece.clear();
                            // this end may be gone already
                            let _ = spare_tx.send(piece);
                        }
                        md5
                    });
                    (pieces_tx, hashed)
                });
                let empty = spare
                    .as_ref()
                    .and_then(|s| s.try_recv().ok())
                    .unwrap_or_else(|| String::with_capacity(piece.capacity()));
                let full = std::mem::replace(piece, empty);
                // an error: the thread is gone (it panicked, which the join below passes on)
                let _ = pieces.send(full);
            });
            let mut md5 = match worker {
                Some((pieces, hashed)) => {
                    drop(pieces);
                    let md5 = hashed.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                    result?;
                    md5
                }
                None => {
                    result?;
                    Md5::new()
                }
            };
            md5.update(text.as_bytes());
            Ok(hex(&md5.finalize()))
        })
    }

    /// The text [`Md5Hex::of_text`]'s producer holds before handing it on.
    pub const PIECE: usize = 1 << 16;
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 0xf) as usize] as char);
    }
    s
}

fn remove_non_alphanumeric(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_alphanumeric(&mut out, s);
    out
}

/// Appends the ASCII letters and digits of `s`, in runs (bytes of other characters, ASCII or
/// not, are never ASCII alphanumerics: splitting at them keeps `s`'s character boundaries).
fn push_alphanumeric(out: &mut String, s: &str) {
    // most ids are alphanumeric already: copied whole
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(s);
        return;
    }
    let mut start = None;
    for (i, b) in s.bytes().enumerate() {
        match (b.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push_str(&s[st..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push_str(&s[st..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hashed_in_pieces_on_a_thread_gives_the_hash_of_the_whole() {
        let piece = "x".repeat(1000);
        for pieces in [0, 1, 64, 65, 66, 1000] {
            let all = piece.repeat(pieces);
            let digest = Md5Hex::of_text(|text, hand_on| {
                for _ in 0..pieces {
                    text.push_str(&piece);
                    if text.len() >= Md5Hex::PIECE {
                        hand_on(text);
                        assert!(text.is_empty());
                    }
                }
                Ok::<(), ()>(())
            });
            assert_eq!(digest, Ok(md5_hex(all.as_bytes())), "{pieces} pieces");
        }
        // an error after pieces were handed on ends the thread and is returned
        let failed = Md5Hex::of_text(|text, hand_on| {
            for _ in 0..200 {
                text.push_str(&piece);
                if text.len() >= Md5Hex::PIECE {
                    hand_on(text);
                }
            }
            Err("failed")
        });
        assert_eq!(failed, Err("failed"));
    }

    #[test]
    fn readable_part_keeps_ascii_alphanumerics_only() {
        let mut out = String::new();
        push_alphanumeric(&mut out, "Äb-c_dé9ü");
        assert_eq!(out, "bcd9");
        assert_eq!(remove_non_alphanumeric("--a1--"), "a1");
        // a path longer than the hashing buffer hashes as the joined path does
        let long = "x".repeat(300);
        let parts = [long.as_str(), "a", long.as_str(), "b"];
        let mut h = String::new();
        push_path_hash(&mut h, parts.iter().copied());
        assert_eq!(h, md5_hex(parts.join("/").as_bytes())[..HASH_LEN].to_uppercase());
        let id = make_unique_id(&["Stäck", "My-Fn", "Resource"]).unwrap();
        assert!(id.starts_with("StckMyFn") && id.len() == "StckMyFn".len() + HASH_LEN, "{id}");
    }

    // Expected values from core-cases/core-logical-ids (aws-cdk-lib 2.276.0).
    #[test]
    fn golden_ids() {
        let cases: &[(&[&str], &str)] = &[
            (&["TopLevel"], "TopLevel"),
            (&["Resource"], "Resource"),
            (&["Level1", "Resource"], "Level1ABBD39B3"),
            (&["Level1b", "Default", "Inner"], "Level1bInnerCCB5831E"),
            (&["Dup", "Dup", "Bucket"], "DupBucket46008391"),
            (&["Thing", "Resource", "Resource"], "ThingF0ED8614"),
            (&["my-api.v2 (beta)_x"], "myapiv2betax"),
            (&["slash--in--id"], "slashinid"),
            (&["123numeric"], "123numeric"),
            (&["Logs", "Resource"], "Logs6819BB44"),
            (&["Wrapper", "Default", "Resource"], "Wrapper356BA46C"),
        ];
        for (components, expected) in cases {
            assert_eq!(make_unique_id(components).as_deref(), Some(*expected), "{components:?}");
        }
    }

    #[test]
    fn long_paths_are_capped() {
        let mut components: Vec<String> =
            (0..12).map(|i| format!("VeryLongConstructIdentifierNumber{i}")).collect();
        components.push("Leaf".into());
        let id = make_unique_id(&components).unwrap();
        assert_eq!(id.len(), MAX_HUMAN_LEN + HASH_LEN);
        assert!(id.ends_with("Ve5EE528E9"), "{id}");
    }

    #[test]
    fn default_alone_has_no_id() {
        assert_eq!(make_unique_id(&["Default"]), None);
    }
}
