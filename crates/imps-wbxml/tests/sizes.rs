//! Pins the sizes of the hot types, so that a field added carelessly shows up
//! here (every token is copied out of the reader by value).

use std::mem::size_of;

#[test]
fn hot_type_sizes() {
    assert_eq!(size_of::<imps_wbxml::Token<'_>>(), 48);
    assert_eq!(size_of::<imps_wbxml::TokenKind<'_>>(), 32);
    assert_eq!(size_of::<imps_wbxml::Error>(), 32);
    assert_eq!(
        size_of::<Result<Option<imps_wbxml::Token<'_>>, imps_wbxml::Error>>(),
        48
    );
    // 192 since the string-table expansion budget (Limits::max_table_expansion).
    assert!(
        size_of::<imps_wbxml::Reader<'_>>() <= 192,
        "{}",
        size_of::<imps_wbxml::Reader<'_>>()
    );
}
