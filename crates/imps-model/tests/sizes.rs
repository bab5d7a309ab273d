//! Pinned sizes of the hot types (xmpp-parsers' `assert_size!` habit): a
//! field added carelessly shows up here. Large, rare parts (the service
//! function tree, capability lists, block-list entity lists, a user's
//! `ClientID`) are boxed.

use std::mem::size_of;

use imps_model::*;

macro_rules! assert_size {
    ($t:ty, $n:expr) => {
        assert_eq!(size_of::<$t>(), $n, stringify!($t));
    };
}

#[test]
#[cfg(target_pointer_width = "64")]
fn hot_type_sizes() {
    assert_size!(Message, 184);
    assert_size!(Element, 72);
    assert_size!(Node, 72);
    assert_size!(User, 56);
    assert_size!(MessageInfo, 456);
    assert_size!(SendMessageRequest, 520);
    assert_size!(Primitive, 584);
    assert_size!(Transaction, 760);
}
