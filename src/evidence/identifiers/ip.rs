//! `ip`: IPv4 and IPv6 addresses, which lead to one household's or one person's connection.
//!
//! Flags "98.213.44.17" (each octet 0-255, no leading zeros), "10.0.4.17" (private addresses too: tied
//! to a person they still identify), "2001:db8:85a3::8a2e:370:7334". Allows version numbers ("version
//! 1.2.3.4", "v10.4.1.2"), section numbers made of single digits ("see 1.2.3.4"), octets over 255, longer
//! dotted runs ("1.2.3.4.5"), clock times ("12:30:45") and networks rather than one connection: a range
//! ("10.50.0.0/16", "172.16.0.0/12"), a network or broadcast address ("192.168.4.0", "10.1.1.255").

use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;
use std::net::{Ipv4Addr, Ipv6Addr};

pub(crate) struct Ip;

pub(crate) static IPV4: Pattern = Pattern::new(r"(?-u:\b)[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?-u:\b)");

pub(crate) static IPV6: Pattern = Pattern::new(r"(?i)(?:[0-9a-f]{1,4})?(?::[0-9a-f]{0,4}){2,7}");

/// Words that make a dotted number a version, not an address.
const VERSION_WORDS: &[&str] = &["version", "ver", "ver.", "v", "release", "build", "update", "firmware", "app"];

const MESSAGE: &str = "An IP address leads to one person's home or device connection.";

impl Finder for Ip {
    fn id(&self) -> &'static str {
        "ip"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let text = doc.text();
        let bytes = text.as_bytes();
        for m in gate.find_iter(&IPV4, doc) {
            let (start, end) = (m.start(), m.end());
            let dotted_before = start >= 2 && bytes[start - 1] == b'.' && bytes[start - 2].is_ascii_digit();
            let dotted_after = bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            let Ok(address) = m.as_str().parse::<Ipv4Addr>() else { continue };
            if dotted_before || dotted_after || is_network(address, &text[end..]) {
                continue;
            }
            let before = doc.before(start, 20);
            let named_ip = before.contains("ip");
            if !named_ip && (follows_version_word(before) || m.as_str().split('.').all(|octet| octet.len() == 1)) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Ip, start, end, MESSAGE));
        }
        for m in gate.find_iter(&IPV6, doc) {
            let (start, end) = (m.start(), m.end());
            let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b':' || *b == b'.');
            if glued(start.checked_sub(1).and_then(|i| bytes.get(i))) || glued(bytes.get(end)) {
                continue;
            }
            let Ok(address) = m.as_str().parse::<Ipv6Addr>() else {
                continue;
            };
            if address.is_unspecified() || address.is_loopback() {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Ip, start, end, MESSAGE));
        }
    }
}

/// True when `address` names a network, not one connection: its last octet is 0 or 255 (a network's own or
/// its broadcast address), or `after` gives a prefix length under 32 ("/16").
fn is_network(address: Ipv4Addr, after: &str) -> bool {
    let last = address.octets()[3];
    let prefix = after.strip_prefix('/').map(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        rest[..digits].parse::<u8>().unwrap_or(32)
    });
    last == 0 || last == 255 || prefix.is_some_and(|length| length < 32)
}

/// True when the last word before the number is a version word, or the number is glued to a "v".
fn follows_version_word(before: &str) -> bool {
    if before.ends_with('v') {
        return true;
    }
    before.split_whitespace().next_back().is_some_and(|word| VERSION_WORDS.contains(&word.trim_end_matches(':')))
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_ipv4_addresses() {
        assert_flags("she logs in from 73.14.201.9 every night", ID, "73.14.201.9");
        assert_flags("the home router at 192.168.1.20 keeps dropping", ID, "192.168.1.20");
        assert_flags("IP 1.2.3.4 is hers", ID, "1.2.3.4");
    }

    #[test]
    fn flags_ipv6_addresses() {
        assert_flags("portal logs show 2001:db8:85a3::8a2e:370:7334 again", ID, "2001:db8:85a3::8a2e:370:7334");
    }

    #[test]
    fn allows_versions_sections_and_impossible_octets() {
        assert_allows("update to version 10.4.12.3 tonight", ID);
        assert_allows("now on v2.14.0.1", ID);
        assert_allows("see section 1.2.3.4 of the manual", ID);
        assert_allows("values 300.12.4.5 and 1.2.3.4.5", ID);
        assert_allows("readings 01.02.03.04", ID);
    }

    #[test]
    fn allows_networks_and_ranges() {
        assert_allows("the imaging VLAN lives on 10.40.0.0/16 now", ID);
        assert_allows("guest wifi is 172.20.8.0, staff is separate", ID);
        assert_allows("blocked 192.168.7.12/30 at the firewall", ID);
        assert_allows("broadcast storms from 10.3.3.255 again", ID);
        assert_flags("her laptop at 10.3.3.254/32 keeps dropping", ID, "10.3.3.254");
    }

    #[test]
    fn stays_silent_on_release_notes() {
        assert_silent("Release 2.4.1.9 ships Tuesday");
    }

    #[test]
    fn allows_clock_times() {
        assert_allows("code called at 12:30:45, ROSC at 3:41", ID);
    }
}
