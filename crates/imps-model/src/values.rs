//! Closed value sets of the CSP information elements (WV-CSP data types).
//!
//! The spellings are those of the CSP WBXML value table
//! (`imps-tokens/tables/csp12-ext-values.tsv`) and the spec examples. Every
//! set keeps other spellings as `Unknown(String)`.

value_set! {
    /// `SessionType`: whether the message belongs to a session.
    pub enum SessionType {
        Inband => "Inband",
        Outband => "Outband",
    }
}

value_set! {
    /// `TransactionMode`.
    pub enum TransactionMode {
        Request => "Request",
        Response => "Response",
    }
}

value_set! {
    /// `ClientType`: the kind of device, in a CSP `CapabilityList` and in the
    /// presence attribute `ClientInfo` (also `presence::ClientType`).
    pub enum ClientType {
        MobilePhone => "MOBILE_PHONE",
        Computer => "COMPUTER",
        Pda => "PDA",
        Cli => "CLI",
        Other => "OTHER",
    }
}

value_set! {
    /// `InitialDeliveryMethod` / `DeliveryMethod`: push (`P`) or notify/get (`N`).
    pub enum DeliveryMethod {
        Push => "P",
        Notify => "N",
    }
}

value_set! {
    /// `SupportedBearer`.
    pub enum Bearer {
        Http => "HTTP",
        Sms => "SMS",
        Wsp => "WSP",
    }
}

value_set! {
    /// `SupportedCIRMethod`: how the server reaches the client outside the
    /// session.
    pub enum CirMethod {
        WapSms => "WAPSMS",
        WapUdp => "WAPUDP",
        Sudp => "SUDP",
        Stcp => "STCP",
        Shttp => "SHTTP",
        Ssms => "SSMS",
    }
}

value_set! {
    /// `ContentEncoding` / `AcceptedTransferEncoding`.
    pub enum Encoding {
        None => "None",
        Base64 => "BASE64",
    }
}

value_set! {
    /// `InviteType`: what the invitation is for.
    pub enum InviteType {
        Group => "GR",
        Presence => "PR",
        Im => "IM",
        Content => "SC",
    }
}

value_set! {
    /// `SearchElement`: what a `SearchString` is matched against.
    pub enum SearchElement {
        UserId => "USER_ID",
        UserFirstName => "USER_FIRST_NAME",
        UserLastName => "USER_LAST_NAME",
        UserEmailAddress => "USER_EMAIL_ADDRESS",
        UserAlias => "USER_ALIAS",
        UserOnlineStatus => "USER_ONLINE_STATUS",
        UserMobileNumber => "USER_MOBILE_NUMBER",
        GroupId => "GROUP_ID",
        GroupName => "GROUP_NAME",
        GroupTopic => "GROUP_TOPIC",
        GroupUserIdJoined => "GROUP_USER_ID_JOINED",
        GroupUserIdOwner => "GROUP_USER_ID_OWNER",
        GroupUserIdAutojoin => "GROUP_USER_ID_AUTOJOIN",
    }
}

value_set! {
    /// `SubscribeType` of `SubscribeGroupNotice-Request`: get the current
    /// state, subscribe, or unsubscribe.
    pub enum SubscribeType {
        Get => "G",
        Subscribe => "S",
        Unsubscribe => "U",
    }
}

value_set! {
    /// `ReactiveAuthState`.
    pub enum ReactiveAuthState {
        Granted => "GRANTED",
        Denied => "DENIED",
        Pending => "PENDING",
    }
}

value_set! {
    /// `DigestSchema`: the password digest algorithm.
    pub enum DigestSchema {
        Pwd => "PWD",
        Sha => "SHA",
        Md4 => "MD4",
        Md5 => "MD5",
        Md6 => "MD6",
    }
}

value_set! {
    /// A `T`/`F` boolean kept as text, for elements where real documents
    /// also send other values (an empty `<InUse/>`), and the presence
    /// attributes' `Qualifier` ([`crate::presence::Boolean`]).
    pub enum BoolText {
        True => "T",
        False => "F",
    }
}

impl BoolText {
    /// The boolean, if the value is `T` or `F`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            BoolText::True => Some(true),
            BoolText::False => Some(false),
            BoolText::Unknown(_) => None,
        }
    }
}

impl From<bool> for BoolText {
    fn from(b: bool) -> Self {
        if b {
            BoolText::True
        } else {
            BoolText::False
        }
    }
}
