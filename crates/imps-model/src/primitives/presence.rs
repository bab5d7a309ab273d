//! Presence primitives (WV-CSP "Presence features": delivery and
//! authorisation): subscribe, unsubscribe, notification, get, update,
//! watcher lists, reactive authorisation. The attributes themselves are
//! [`PresenceSubList`]s.

use crate::common::{CspResult, User};
use crate::leaf::Text;
use crate::presence::PresenceSubList;
use crate::values::ReactiveAuthState;

element! {
    /// `Presence ((UserID | ContactList), PresenceSubList*)`: the presence
    /// of one user or of a contact list.
    pub struct Presence: Presence {
        /// `UserID`.
        user_id: opt(UserID => Text),
        /// `ContactList`.
        contact_list: opt(ContactList => Text),
        /// `PresenceSubList`s.
        sub_lists: many(PresenceSubList => PresenceSubList),
    }
}

element! {
    /// `SubscribePresence-Request (User*, ContactList*, PresenceSubList?,
    /// AutoSubscribe?)` (`AutoSubscribe` is CSP 1.2).
    pub struct SubscribePresenceRequest: SubscribePresenceRequest {
        /// `User`s.
        users: many(User => User),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
        /// `PresenceSubList`: the wanted attributes.
        presence: opt(PresenceSubList => PresenceSubList),
        /// `AutoSubscribe` (CSP 1.2).
        auto_subscribe: opt(AutoSubscribe => bool),
    }
}

element! {
    /// `UnsubscribePresence-Request (User*, ContactList*)`.
    pub struct UnsubscribePresenceRequest: UnsubscribePresenceRequest {
        /// `User`s.
        users: many(User => User),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
    }
}

element! {
    /// `PresenceNotification-Request (Presence+)`: pushed presence.
    pub struct PresenceNotificationRequest: PresenceNotificationRequest {
        /// `Presence`s.
        presences: some(Presence => Presence),
    }
}

element! {
    /// `GetWatcherList-Request (HistoryPeriod?, MaxWatcherList?)`.
    pub struct GetWatcherListRequest: GetWatcherListRequest {
        /// `HistoryPeriod` (CSP 1.2).
        history_period: opt(HistoryPeriod => u32),
        /// `MaxWatcherList` (CSP 1.2).
        max_watcher_list: opt(MaxWatcherList => u32),
    }
}

element! {
    /// `GetWatcherList-Response (User* | (HistoryPeriod?, Watcher*))`: CSP
    /// 1.1 lists `User`s, CSP 1.2 `Watcher`s.
    pub struct GetWatcherListResponse: GetWatcherListResponse {
        /// `User`s (CSP 1.1).
        users: many(User => User),
        /// `HistoryPeriod` (CSP 1.2).
        history_period: opt(HistoryPeriod => u32),
        /// `Watcher`s (CSP 1.2).
        watchers: many(Watcher => Watcher),
    }
}

element! {
    /// `Watcher (User, WatcherStatus?)`.
    pub struct Watcher: Watcher {
        /// `User`.
        user: req(User => User),
        /// `WatcherStatus`.
        status: opt(WatcherStatus => Text),
    }
}

element! {
    /// `GetPresence-Request ((User+ | ContactList+), PresenceSubList?)`.
    pub struct GetPresenceRequest: GetPresenceRequest {
        /// `User`s.
        users: many(User => User),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
        /// `PresenceSubList`: the wanted attributes (all when absent).
        presence: opt(PresenceSubList => PresenceSubList),
    }
}

element! {
    /// `GetPresence-Response (Result, Presence*)`.
    pub struct GetPresenceResponse: GetPresenceResponse {
        /// `Result`.
        result: req(Result => CspResult),
        /// `Presence`s.
        presences: many(Presence => Presence),
    }
}

element! {
    /// `UpdatePresence-Request (PresenceSubList)`.
    pub struct UpdatePresenceRequest: UpdatePresenceRequest {
        /// `PresenceSubList`: the new values.
        presence: req(PresenceSubList => PresenceSubList),
    }
}

element! {
    /// `PresenceAuth-Request (UserID, PresenceSubList?)`: a user wants to
    /// watch; the server asks for authorisation.
    pub struct PresenceAuthRequest: PresenceAuthRequest {
        /// `UserID` of the would-be watcher.
        user_id: req(UserID => Text),
        /// `PresenceSubList`: the attributes asked for.
        presence: opt(PresenceSubList => PresenceSubList),
    }
}

element! {
    /// `PresenceAuth-User (UserID, Acceptance, PresenceSubList?)`: the
    /// user's decision.
    pub struct PresenceAuthUser: PresenceAuthUser {
        /// `UserID` of the watcher.
        user_id: req(UserID => Text),
        /// `Acceptance`.
        acceptance: req(Acceptance => bool),
        /// `PresenceSubList`: the attributes granted (CSP 1.2).
        presence: opt(PresenceSubList => PresenceSubList),
    }
}

element! {
    /// `CancelAuth-Request (UserID)`.
    pub struct CancelAuthRequest: CancelAuthRequest {
        /// `UserID`.
        user_id: req(UserID => Text),
    }
}

element! {
    /// `GetReactiveAuthStatus-Request (UserID*)` (CSP 1.2).
    pub struct GetReactiveAuthStatusRequest: GetReactiveAuthStatusRequest {
        /// `UserID`s (all when empty).
        user_ids: many(UserID => Text),
    }
}

element! {
    /// `GetReactiveAuthStatus-Response (ReactiveAuthStatusList)` (CSP 1.2).
    pub struct GetReactiveAuthStatusResponse: GetReactiveAuthStatusResponse {
        /// `ReactiveAuthStatusList`.
        list: req(ReactiveAuthStatusList => ReactiveAuthStatusList),
    }
}

element! {
    /// `ReactiveAuthStatusList (ReactiveAuthStatus*)`.
    pub struct ReactiveAuthStatusList: ReactiveAuthStatusList {
        /// `ReactiveAuthStatus`es.
        statuses: many(ReactiveAuthStatus => ReactiveAuthStatus),
    }
}

element! {
    /// `ReactiveAuthStatus (UserID, ReactiveAuthState, PresenceSubList?)`.
    pub struct ReactiveAuthStatus: ReactiveAuthStatus {
        /// `UserID`.
        user_id: req(UserID => Text),
        /// `ReactiveAuthState`.
        state: req(ReactiveAuthState => ReactiveAuthState),
        /// `PresenceSubList`: the attributes concerned.
        presence: opt(PresenceSubList => PresenceSubList),
    }
}
