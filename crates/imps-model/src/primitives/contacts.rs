//! Contact lists and attribute lists (WV-CSP "Presence features": contact
//! list and attribute list management): `GetList`, `CreateList`,
//! `DeleteList`, `ListManage`, `CreateAttributeList`, `DeleteAttributeList`,
//! `GetAttributeList`.

use crate::common::{CspResult, NickList, Properties, RemoveNickList, User};
use crate::leaf::Text;
use crate::presence::PresenceSubList;
use crate::primitives::presence::Presence;

element! {
    /// `GetList-Request` (empty).
    pub struct GetListRequest: GetListRequest {}
}

element! {
    /// `GetList-Response (ContactList*, DefaultContactList?)`.
    pub struct GetListResponse: GetListResponse {
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
        /// `DefaultContactList`.
        default_contact_list: opt(DefaultContactList => Text),
    }
}

element! {
    /// `CreateList-Request (ContactList, NickList?, ContactListProperties?)`.
    pub struct CreateListRequest: CreateListRequest {
        /// `ContactList`.
        contact_list: req(ContactList => Text),
        /// `NickList`: the initial entries.
        nick_list: opt(NickList => NickList),
        /// `ContactListProperties`.
        properties: opt(ContactListProperties => Properties),
    }
}

element! {
    /// `DeleteList-Request (ContactList)`.
    pub struct DeleteListRequest: DeleteListRequest {
        /// `ContactList`.
        contact_list: req(ContactList => Text),
    }
}

element! {
    /// `ListManage-Request (ContactList, (AddNickList | RemoveNickList |
    /// ContactListProperties)?, ReceiveList?)` (`ReceiveList` is CSP 1.2).
    pub struct ListManageRequest: ListManageRequest {
        /// `ContactList`.
        contact_list: req(ContactList => Text),
        /// `AddNickList`.
        add: opt(AddNickList => NickList),
        /// `RemoveNickList`.
        remove: opt(RemoveNickList => RemoveNickList),
        /// `ContactListProperties`.
        properties: opt(ContactListProperties => Properties),
        /// `ReceiveList`: return the resulting list.
        receive_list: opt(ReceiveList => bool),
    }
}

element! {
    /// `ListManage-Response (Result, NickList?, ContactListProperties?)`.
    pub struct ListManageResponse: ListManageResponse {
        /// `Result`.
        result: req(Result => CspResult),
        /// `NickList`.
        nick_list: opt(NickList => NickList),
        /// `ContactListProperties`.
        properties: opt(ContactListProperties => Properties),
    }
}

element! {
    /// `CreateAttributeList-Request (PresenceSubList, UserID*, ContactList*,
    /// DefaultList)`.
    pub struct CreateAttributeListRequest: CreateAttributeListRequest {
        /// `PresenceSubList`: the attributes.
        presence: req(PresenceSubList => PresenceSubList),
        /// `UserID`s it applies to.
        user_ids: many(UserID => Text),
        /// `ContactList`s it applies to.
        contact_lists: many(ContactList => Text),
        /// `DefaultList`: it is the default list.
        default_list: req(DefaultList => bool),
    }
}

element! {
    /// `DeleteAttributeList-Request (UserID*, ContactList*, DefaultList)`.
    pub struct DeleteAttributeListRequest: DeleteAttributeListRequest {
        /// `UserID`s.
        user_ids: many(UserID => Text),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
        /// `DefaultList`.
        default_list: req(DefaultList => bool),
    }
}

element! {
    /// `GetAttributeList-Request (UserID*, ContactList*, User*,
    /// DefaultList)`.
    pub struct GetAttributeListRequest: GetAttributeListRequest {
        /// `UserID`s.
        user_ids: many(UserID => Text),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
        /// `User`s (Nokia's 1.2 model).
        users: many(User => User),
        /// `DefaultList`.
        default_list: req(DefaultList => bool),
    }
}

element! {
    /// `GetAttributeList-Response (Result, DefaultAttributeList?, Presence*)`.
    pub struct GetAttributeListResponse: GetAttributeListResponse {
        /// `Result`.
        result: req(Result => CspResult),
        /// `DefaultAttributeList`.
        default_attribute_list: opt(DefaultAttributeList => DefaultAttributeList),
        /// `Presence`s: the lists per user / contact list.
        presences: many(Presence => Presence),
    }
}

element! {
    /// `DefaultAttributeList (PresenceSubList*)`.
    pub struct DefaultAttributeList: DefaultAttributeList {
        /// `PresenceSubList`s.
        sub_lists: many(PresenceSubList => PresenceSubList),
    }
}
