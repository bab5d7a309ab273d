//! Status codes: the `Code` of a `Result` (WV-CSP "Status codes and
//! descriptions"), with the meanings of `spec/csp-dtd/status-codes.tsv`.
//!
//! The list below is generated from that file (a test fails when the two
//! disagree); codes outside it decode as [`StatusCode::Unknown`].

use imps_event::{Error, Start};

use crate::codec::{Decoder, Encoder, FromEvents, ToEvents};

macro_rules! status_codes {
    ($($var:ident = $code:literal, $meaning:literal;)+) => {
        /// A CSP status code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum StatusCode {
            $(
                #[doc = concat!("`", stringify!($code), "` ", $meaning)]
                $var,
            )+
            /// Any other code, kept as it came.
            Unknown(u16),
        }

        impl StatusCode {
            /// Every named code, ascending.
            pub const ALL: &'static [StatusCode] = &[$(StatusCode::$var),+];

            /// The numeric code.
            pub const fn code(self) -> u16 {
                match self {
                    $( StatusCode::$var => $code, )+
                    StatusCode::Unknown(c) => c,
                }
            }

            /// The code for a number (unnamed numbers become `Unknown`).
            pub const fn from_code(code: u16) -> Self {
                match code {
                    $( $code => StatusCode::$var, )+
                    other => StatusCode::Unknown(other),
                }
            }

            /// The meaning, as the status-code table words it (`None` for
            /// unknown codes).
            pub const fn meaning(self) -> Option<&'static str> {
                match self {
                    $( StatusCode::$var => Some($meaning), )+
                    StatusCode::Unknown(_) => None,
                }
            }
        }
    };
}

status_codes! {
    Continue = 100, "Continue";
    Queued = 101, "Queued";
    Started = 102, "Started";
    Successful = 200, "Successful";
    PartiallySuccessful = 201, "Partially successful";
    Accepted = 202, "Accepted";
    BadRequest = 400, "Bad request";
    Unauthorized = 401, "Unauthorized";
    BadParameter = 402, "Bad parameter";
    Forbidden = 403, "Forbidden";
    NotFound = 404, "Not found";
    ServiceNotSupported = 405, "Service not supported";
    RequestTimeout = 406, "Request timeout (Nokia's list)";
    RequestTimeoutAlt = 408, "Request timeout (Android's list)";
    InvalidPassword = 409, "Invalid password";
    UnableToDeliver = 410, "Unable to deliver";
    UnsupportedMediaType = 415, "Unsupported media type";
    InvalidTransactionId = 420, "Invalid transaction ID";
    UserIdClientIdMismatch = 422, "UserID and ClientID do not match";
    InvalidInvitationId = 423, "Invalid invitation ID";
    InvalidSearchId = 424, "Invalid search ID";
    InvalidSearchIndex = 425, "Invalid search index";
    InvalidMessageId = 426, "Invalid message ID";
    UnauthorizedGroupMembership = 431, "Unauthorized group membership";
    ResponseTooLarge = 432, "Response too large";
    InternalError = 500, "Internal server or network error";
    NotImplemented = 501, "Not implemented";
    CouldNotRecoverSession = 502, "Could not recover session";
    ServiceUnavailable = 503, "Service unavailable";
    Timeout = 504, "Timeout";
    VersionNotSupported = 505, "Version not supported";
    ServiceNotAgreed = 506, "Service not agreed";
    MessageQueueFull = 507, "Message queue full";
    DomainNotSupported = 516, "Domain not supported";
    UnrespondedPresenceRequest = 521, "Unresponded presence request";
    UnrespondedGroupRequest = 522, "Unresponded group request";
    UnknownUser = 531, "Unknown user";
    RecipientBlockedSender = 532, "Recipient blocked the sender";
    RecipientNotLoggedIn = 533, "Message recipient not logged in";
    RecipientUnauthorized = 534, "Message recipient unauthorized";
    SearchTimedOut = 535, "Search timed out";
    TooManyHits = 536, "Too many hits";
    SearchCriteriaTooBroad = 537, "Too broad search criteria";
    MessageRejected = 538, "Message rejected";
    HeaderEncodingNotSupported = 540, "Header encoding not supported";
    MessageForwarded = 541, "Message forwarded";
    MessageExpired = 542, "Message expired";
    NoMatchingDigestScheme = 543, "No matching digest scheme supported";
    SessionExpired = 600, "Session expired";
    ForcedLogout = 601, "Forced logout";
    AlreadyLoggedIn = 603, "Already logged in";
    InvalidSession = 604, "Invalid session / not logged in";
    NewValueNotAccepted = 605, "New value not accepted";
    InsufficientRights = 616, "Insufficient rights (Nokia says: not in spec)";
    ContactListDoesNotExist = 700, "Contact list does not exist";
    ContactListAlreadyExists = 701, "Contact list already exists";
    InvalidUserProperties = 702, "Invalid or unsupported user properties";
    InvalidPresenceAttribute = 750, "Invalid or unsupported presence attribute";
    InvalidPresenceValue = 751, "Invalid or unsupported presence value";
    InvalidContactListProperty = 752, "Invalid or unsupported contact list property";
    MaxContactLists = 753, "Maximum number of contact lists reached";
    MaxContacts = 754, "Maximum number of contacts reached";
    MaxAttributeLists = 755, "Maximum number of attribute lists reached";
    AutoSubscriptionNotSupported = 760, "Automatic subscription/unsubscription not supported";
    GroupDoesNotExist = 800, "Group does not exist";
    GroupAlreadyExists = 801, "Group already exists";
    GroupIsOpen = 802, "Group is open";
    GroupIsRestricted = 803, "Group is restricted (closed)";
    GroupIsPublic = 804, "Group is public";
    GroupIsPrivate = 805, "Group is private";
    InvalidGroupProperties = 806, "Invalid or unsupported group properties";
    GroupIsAlreadyJoined = 807, "Group is already joined";
    GroupIsNotJoined = 808, "Group is not joined";
    InvitationRejected = 809, "Invitation rejected / cannot join";
    NotAGroupMember = 810, "Not a group member";
    ScreenNameAlreadyInUse = 811, "Screen name already in use";
    PrivateMessagingDisabledForGroup = 812, "Private messaging disabled for group";
    PrivateMessagingDisabledForUser = 813, "Private messaging disabled for user";
    MaxGroupsForUser = 814, "Maximum number of groups reached for the user";
    MaxGroupsForServer = 815, "Maximum number of groups reached for the server";
    InsufficientGroupPrivileges = 816, "Insufficient group privileges";
    MaxJoinedUsers = 817, "Maximum number of joined users reached";
    HistoryNotSupported = 821, "History not supported";
    GroupMissingNameOrTopic = 822, "Group missing name or topic";
    MultipleErrors = 900, "Multiple errors";
    GeneralAddressError = 901, "General address error";
    NotEnoughCredit = 902, "Not enough credit to complete the requested operation";
    HigherClassOfServiceRequired = 903, "Operation requires a higher class of service";
    MsisdnError = 920, "MSISDN error";
}

impl StatusCode {
    /// The class digit: 1 informational, 2 success, 4 client error,
    /// 5 server error, 6 session, 7 presence and contact lists, 8 groups,
    /// 9 general.
    pub const fn class(self) -> u16 {
        self.code() / 100
    }

    /// Whether the code reports success (2xx).
    pub const fn is_success(self) -> bool {
        self.class() == 2
    }
}

#[allow(clippy::derivable_impls)] // the enum is macro-generated
impl Default for StatusCode {
    fn default() -> Self {
        StatusCode::Successful
    }
}

impl From<u16> for StatusCode {
    fn from(code: u16) -> Self {
        StatusCode::from_code(code)
    }
}

impl std::fmt::Display for StatusCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl FromEvents for StatusCode {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        fn code(n: u32) -> Result<StatusCode, &'static str> {
            u16::try_from(n)
                .map(StatusCode::from_code)
                .map_err(|_| "a status code (0-65535)")
        }
        d.parse_integer_leaf(&start.name, code)
    }
}

impl ToEvents for StatusCode {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.integer(u32::from(self.code()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for StatusCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.code())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for StatusCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(StatusCode::from_code(u16::deserialize(d)?))
    }
}

#[cfg(any(test, feature = "proptest"))]
impl crate::arb::Arb for StatusCode {
    fn arb() -> proptest::strategy::BoxedStrategy<Self> {
        use proptest::prelude::*;
        prop_oneof![
            4 => proptest::sample::select(StatusCode::ALL),
            1 => (100u16..1000).prop_map(StatusCode::from_code),
        ]
        .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated list is the TSV: every row has a variant with the same
    /// meaning, and nothing else is named.
    #[test]
    fn matches_status_codes_tsv() {
        let tsv = include_str!("../spec/csp-dtd/status-codes.tsv");
        let mut rows = 0;
        for line in tsv.lines().skip(1).filter(|l| !l.is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let code: u16 = cols[0].parse().unwrap();
            let sc = StatusCode::from_code(code);
            assert!(!matches!(sc, StatusCode::Unknown(_)), "{code} unnamed");
            assert_eq!(sc.meaning(), Some(cols[2]), "{code}");
            assert_eq!(sc.code(), code);
            rows += 1;
        }
        assert_eq!(rows, StatusCode::ALL.len());
        assert_eq!(StatusCode::from_code(299), StatusCode::Unknown(299));
        assert!(StatusCode::PartiallySuccessful.is_success());
        assert!(!StatusCode::UnknownUser.is_success());
    }
}
