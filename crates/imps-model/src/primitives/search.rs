//! Search and invitations (WV-CSP "Fundamental features": search, invite):
//! `Search-Request/-Response`, `StopSearch-Request`, `Invite-Request/
//! -Response`, `InviteUser-Request/-Response`, `CancelInvite-Request`,
//! `CancelInviteUser-Request`.

use crate::common::{GroupList, Recipient, ScreenName, Sender, UrlList, UserList};
use crate::leaf::Text;
use crate::presence::PresenceSubList;
use crate::values::{InviteType, SearchElement};

element! {
    /// `SearchPairList (SearchElement, SearchString)`: one criterion.
    pub struct SearchPair: SearchPairList {
        /// `SearchElement`: what to match.
        element: req(SearchElement => SearchElement),
        /// `SearchString`: the value.
        string: req(SearchString => Text),
    }
}

element! {
    /// `Search-Request (SearchPairList*, SearchLimit?, SearchID?,
    /// SearchIndex?)`: a new search (pairs) or the next page (id, index).
    pub struct SearchRequest: SearchRequest {
        /// `SearchPairList`s.
        pairs: many(SearchPairList => SearchPair),
        /// `SearchLimit`: results per page.
        limit: opt(SearchLimit => u32),
        /// `SearchID` of a running search.
        search_id: opt(SearchID => u32),
        /// `SearchIndex` to continue from.
        index: opt(SearchIndex => u32),
    }
}

element! {
    /// `Search-Response (SearchID?, SearchFindings, CompletionFlag,
    /// SearchIndex, SearchResult?)`.
    pub struct SearchResponse: SearchResponse {
        /// `SearchID`.
        search_id: opt(SearchID => u32),
        /// `SearchFindings`: number of hits.
        findings: req(SearchFindings => u32),
        /// `CompletionFlag`: no more results.
        completed: req(CompletionFlag => bool),
        /// `SearchIndex` of the next page.
        index: req(SearchIndex => u32),
        /// `SearchResult`.
        result: opt(SearchResult => SearchResult),
    }
}

element! {
    /// `SearchResult (UserList?, GroupList?)`.
    pub struct SearchResult: SearchResult {
        /// `UserList`.
        users: opt(UserList => UserList),
        /// `GroupList`.
        groups: opt(GroupList => GroupList),
    }
}

element! {
    /// `StopSearch-Request (SearchID)`.
    pub struct StopSearchRequest: StopSearchRequest {
        /// `SearchID`.
        search_id: req(SearchID => u32),
    }
}

element! {
    /// `Invite-Request (InviteID, InviteType, Recipient, GroupID?,
    /// PresenceSubList?, URLList?, InviteNote?, ScreenName?, Validity?)`:
    /// inviter to server.
    pub struct InviteRequest: InviteRequest {
        /// `InviteID`.
        invite_id: req(InviteID => Text),
        /// `InviteType`.
        invite_type: req(InviteType => InviteType),
        /// `Recipient`.
        recipient: req(Recipient => Recipient),
        /// `GroupID` (group invitations).
        group_id: opt(GroupID => Text),
        /// `PresenceSubList` (presence invitations).
        presence: opt(PresenceSubList => PresenceSubList),
        /// `URLList` (content invitations).
        url_list: opt(URLList => UrlList),
        /// `InviteNote`.
        note: opt(InviteNote => Text),
        /// `ScreenName` of the inviter.
        screen_name: opt(ScreenName => ScreenName),
        /// `Validity` in seconds.
        validity: opt(Validity => u32),
    }
}

element! {
    /// `Invite-Response (InviteID, Acceptance, Sender, ResponseNote?)`:
    /// server to inviter with the invitee's answer.
    pub struct InviteResponse: InviteResponse {
        /// `InviteID`.
        invite_id: req(InviteID => Text),
        /// `Acceptance`.
        acceptance: req(Acceptance => bool),
        /// `Sender`: the invitee.
        sender: req(Sender => Sender),
        /// `ResponseNote`.
        note: opt(ResponseNote => Text),
    }
}

element! {
    /// `InviteUser-Request (InviteID, InviteType, Sender, GroupID?,
    /// PresenceSubList?, URLList?, InviteNote?, ScreenName?, Validity?)`:
    /// server to invitee.
    pub struct InviteUserRequest: InviteUserRequest {
        /// `InviteID`.
        invite_id: req(InviteID => Text),
        /// `InviteType`.
        invite_type: req(InviteType => InviteType),
        /// `Sender`: the inviter.
        sender: req(Sender => Sender),
        /// `GroupID`.
        group_id: opt(GroupID => Text),
        /// `PresenceSubList`.
        presence: opt(PresenceSubList => PresenceSubList),
        /// `URLList`.
        url_list: opt(URLList => UrlList),
        /// `InviteNote`.
        note: opt(InviteNote => Text),
        /// `ScreenName`.
        screen_name: opt(ScreenName => ScreenName),
        /// `Validity` in seconds.
        validity: opt(Validity => u32),
    }
}

element! {
    /// `InviteUser-Response (InviteID, Acceptance, Sender?, ResponseNote?,
    /// ScreenName?)`: the invitee's answer (`Sender` is CSP 1.2).
    pub struct InviteUserResponse: InviteUserResponse {
        /// `InviteID`.
        invite_id: req(InviteID => Text),
        /// `Acceptance`.
        acceptance: req(Acceptance => bool),
        /// `Sender` (CSP 1.2).
        sender: opt(Sender => Sender),
        /// `ResponseNote`.
        note: opt(ResponseNote => Text),
        /// `ScreenName` to join with.
        screen_name: opt(ScreenName => ScreenName),
    }
}

element! {
    /// `CancelInvite-Request (InviteID, Recipient?, InviteNote?, URLList?,
    /// ScreenName?)`.
    pub struct CancelInviteRequest: CancelInviteRequest {
        /// `InviteID`.
        invite_id: req(InviteID => Text),
        /// `Recipient`.
        recipient: opt(Recipient => Recipient),
        /// `InviteNote`.
        note: opt(InviteNote => Text),
        /// `URLList`.
        url_list: opt(URLList => UrlList),
        /// `ScreenName`.
        screen_name: opt(ScreenName => ScreenName),
    }
}

element! {
    /// `CancelInviteUser-Request (InviteID, Sender, InviteNote?, URLList?)`.
    pub struct CancelInviteUserRequest: CancelInviteUserRequest {
        /// `InviteID`.
        invite_id: req(InviteID => Text),
        /// `Sender`.
        sender: req(Sender => Sender),
        /// `InviteNote`.
        note: opt(InviteNote => Text),
        /// `URLList`.
        url_list: opt(URLList => UrlList),
    }
}
