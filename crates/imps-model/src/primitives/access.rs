//! Access control (WV-CSP "IM features": block and grant lists):
//! `GetBlockedList-Request/-Response` and `BlockEntity-Request` (named
//! `BlockUser-Request` in CSP 1.1; one model, written with the version's
//! name).

use crate::common::EntityList;
use crate::values::BoolText;

element! {
    /// `GetBlockedList-Request` (empty).
    pub struct GetBlockedListRequest: GetBlockedListRequest {}
}

element! {
    /// `GetBlockedList-Response (BlockList?, GrantList?)`.
    pub struct GetBlockedListResponse: GetBlockedListResponse {
        /// `BlockList`.
        block_list: opt(BlockList => AccessList),
        /// `GrantList`.
        grant_list: opt(GrantList => AccessList),
    }
}

element! {
    /// `BlockEntity-Request (BlockList?, GrantList?)` (`BlockUser-Request`
    /// in CSP 1.1).
    pub struct BlockEntityRequest: BlockEntityRequest {
        /// `BlockList` changes.
        block_list: opt(BlockList => AccessList),
        /// `GrantList` changes.
        grant_list: opt(GrantList => AccessList),
    }
}

element! {
    /// `BlockList (InUse?, (EntityList | (AddList?, RemoveList?))?)`; also
    /// `GrantList`. (The lists are boxed to keep [`crate::Primitive`] small.)
    pub struct AccessList: BlockList {
        /// `InUse`: whether the list is active. Kept as text because real
        /// requests send an empty `<InUse/>` for "unchanged".
        in_use: opt(InUse => BoolText),
        /// `EntityList`: the whole list (responses).
        entities: opt(EntityList => Box<EntityList>),
        /// `AddList` (requests).
        add: opt(AddList => Box<EntityList>),
        /// `RemoveList` (requests).
        remove: opt(RemoveList => Box<EntityList>),
    }
}
