//! Information elements shared by many primitives (WV-CSP "Information
//! elements"): users, groups, screen names, results, message info, lists
//! and properties.
//!
//! Content models follow `spec/csp-dtd/csp12-content-model.dtd`, made a
//! superset of the CSP 1.1 models (`csp11-content-model.dtd`) where they
//! differ. Choices such as `Sender (User | Group)` are optional fields.

use std::borrow::Cow;

use imps_event::{Error, ErrorKind, Event, Name, Start, Tag};

use crate::codec::{normalize_name, Decoder, Encoder, FromEvents, Named, ToEvents};
use crate::element::Node;
use crate::leaf::ContentData;
use crate::leaf::Text;
use crate::status::StatusCode;
use crate::values::Encoding;

/// `ClientID (URL?, MSISDN?)`: which client of a user.
///
/// Some clients (Android's CSP 1.3 engine) send the client id as plain text
/// instead (`<ClientID>Esmertec112233</ClientID>`); that is kept in `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct ClientId {
    /// `URL`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub url: Option<Text>,
    /// `MSISDN`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub msisdn: Option<Text>,
    /// Text content, where the client id was sent as text.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub text: Option<Text>,
    /// Unknown children.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub extra: Vec<Node>,
}

impl ClientId {
    /// A client id by URL.
    pub fn url(url: impl Into<Text>) -> Self {
        ClientId {
            url: Some(url.into()),
            ..ClientId::default()
        }
    }
}

impl Named for ClientId {
    const TAG: Tag = Tag::ClientID;
}

impl FromEvents for ClientId {
    /// Mixed content, read event by event: `URL` and `MSISDN` children
    /// (text leaves), text (adjacent pieces joined, then trimmed; the last
    /// non-blank run is kept), anything else as for any element (kept in
    /// `extra` when lenient, refused when strict).
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let mut out = ClientId::default();
        // Text since the last non-text event (borrowed while one piece).
        let mut run: Option<Cow<'a, str>> = None;
        loop {
            let event = d.next_event()?;
            if !matches!(event, Event::Text(_)) {
                take_text(run.take(), &mut out.text);
            }
            match event {
                Event::End => return Ok(out),
                Event::Text(t) => match &mut run {
                    Some(r) => r.to_mut().push_str(&t),
                    None => run = Some(t),
                },
                Event::Start(mut child) => {
                    normalize_name(&mut child.name);
                    match child.name {
                        Name::Tag(Tag::Url) if out.url.is_none() => out.url = Some(d.text()?),
                        Name::Tag(Tag::Msisdn) if out.msisdn.is_none() => {
                            out.msisdn = Some(d.text()?);
                        }
                        _ => d.unknown(child, &mut out.extra)?,
                    }
                }
                Event::Integer(i) => out.text = Some(i.to_string().into()),
                Event::DateTime(dt) => out.text = Some(dt.to_string().into()),
                Event::Opaque(_) => {
                    return Err(d.error(ErrorKind::InvalidValue {
                        expected: "text or URL/MSISDN",
                        found: "opaque data".into(),
                    }))
                }
            }
        }
    }
}

/// Ends a run of text in a `ClientID`: kept when it is not blank.
fn take_text(run: Option<Cow<'_, str>>, text: &mut Option<Text>) {
    let t = run.as_deref().map_or("", str::trim);
    if !t.is_empty() {
        *text = Some(t.into());
    }
}

impl ToEvents for ClientId {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        if let Some(t) = &self.text {
            e.text(t)?;
        }
        if let Some(url) = &self.url {
            e.child(Tag::Url, url)?;
        }
        if let Some(m) = &self.msisdn {
            e.child(Tag::Msisdn, m)?;
        }
        e.nodes(&self.extra)
    }
}

#[cfg(any(test, feature = "proptest"))]
impl crate::arb::Arb for ClientId {
    fn arb() -> proptest::strategy::BoxedStrategy<Self> {
        use proptest::prelude::*;
        prop_oneof![
            (
                proptest::option::of(Text::arb()),
                proptest::option::of(Text::arb())
            )
                .prop_map(|(url, msisdn)| ClientId {
                    url,
                    msisdn,
                    ..ClientId::default()
                }),
            "[A-Za-z0-9]{1,12}".prop_map(|t| ClientId {
                text: Some(t.into()),
                ..ClientId::default()
            }),
        ]
        .boxed()
    }
}

element! {
    /// `User`: a user, optionally one of their clients.
    pub struct User: User {
        /// `UserID` (`wv:user@domain`).
        user_id: req(UserID => Text),
        /// `ClientID` (boxed: rare, and users are in many lists).
        client_id: opt(ClientID => Box<ClientId>),
    }
}

impl User {
    /// A user by id.
    pub fn new(user_id: impl Into<Text>) -> Self {
        User {
            user_id: user_id.into(),
            ..User::default()
        }
    }
}

element! {
    /// `ScreenName`: a nickname inside a group.
    pub struct ScreenName: ScreenName {
        /// `SName`.
        sname: req(SName => Text),
        /// `GroupID`.
        group_id: req(GroupID => Text),
    }
}

element! {
    /// `Group (GroupID | ScreenName)`.
    pub struct Group: Group {
        /// `GroupID`.
        group_id: opt(GroupID => Text),
        /// `ScreenName`.
        screen_name: opt(ScreenName => ScreenName),
    }
}

element! {
    /// `Sender (User | Group)`.
    pub struct Sender: Sender {
        /// `User`.
        user: opt(User => User),
        /// `Group`.
        group: opt(Group => Group),
    }
}

impl Sender {
    /// A sender that is a user.
    pub fn user(user_id: impl Into<Text>) -> Self {
        Sender {
            user: Some(User::new(user_id)),
            ..Sender::default()
        }
    }
}

element! {
    /// `Recipient (User*, Group*, ContactList*)`.
    pub struct Recipient: Recipient {
        /// `User`s.
        users: many(User => User),
        /// `Group`s.
        groups: many(Group => Group),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
    }
}

impl Recipient {
    /// One user as recipient.
    pub fn user(user_id: impl Into<Text>) -> Self {
        Recipient {
            users: vec![User::new(user_id)],
            ..Recipient::default()
        }
    }
}

element! {
    /// `NickName (Name, UserID)`: a contact list entry.
    pub struct NickName: NickName {
        /// `Name`.
        name: req(Name => Text),
        /// `UserID`.
        user_id: req(UserID => Text),
    }
}

choice! {
    /// An entry of `NickList` / `AddNickList`: `(NickName | UserID)`.
    pub enum NickEntry {
        /// `NickName`.
        NickName(NickName => NickName),
        /// `UserID`.
        UserId(UserID => Text),
    }
}

element! {
    /// `NickList ((NickName | UserID)*)`; also `AddNickList`.
    pub struct NickList: NickList {
        /// The entries, in order.
        entries: many_of(NickEntry),
    }
}

element! {
    /// `RemoveNickList (UserID+)`.
    pub struct RemoveNickList: RemoveNickList {
        /// `UserID`s.
        user_ids: some(UserID => Text),
    }
}

element! {
    /// `URLList (URL+)`.
    pub struct UrlList: URLList {
        /// `URL`s.
        urls: some(Url => Text),
    }
}

element! {
    /// `UserList (User*, ScreenName*)`.
    pub struct UserList: UserList {
        /// `User`s.
        users: many(User => User),
        /// `ScreenName`s.
        screen_names: many(ScreenName => ScreenName),
    }
}

element! {
    /// `GroupList (GroupID+)`.
    pub struct GroupList: GroupList {
        /// `GroupID`s.
        group_ids: some(GroupID => Text),
    }
}

element! {
    /// `IDList (UserID*, ContactList*, GroupID*, ScreenName*, Domain*)`.
    pub struct IdList: IDList {
        /// `UserID`s.
        user_ids: many(UserID => Text),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
        /// `GroupID`s.
        group_ids: many(GroupID => Text),
        /// `ScreenName`s.
        screen_names: many(ScreenName => ScreenName),
        /// `Domain`s.
        domains: many(Domain => Text),
    }
}

element! {
    /// `Result (Code, Description?, DetailedResult*)`.
    pub struct CspResult: Result {
        /// `Code`.
        code: req(Code => StatusCode),
        /// `Description`.
        description: opt(Description => Text),
        /// `DetailedResult`s.
        detailed: many(DetailedResult => DetailedResult),
    }
}

impl CspResult {
    /// A result with a code and nothing else.
    pub fn new(code: StatusCode) -> Self {
        CspResult {
            code,
            ..CspResult::default()
        }
    }
}

element! {
    /// `DetailedResult (Code, Description?, UserID*, GroupID*, ScreenName*,
    /// MessageID*, ContactList*, Domain*)`: which parts a result concerns.
    pub struct DetailedResult: DetailedResult {
        /// `Code`.
        code: req(Code => StatusCode),
        /// `Description`.
        description: opt(Description => Text),
        /// `UserID`s.
        user_ids: many(UserID => Text),
        /// `GroupID`s.
        group_ids: many(GroupID => Text),
        /// `ScreenName`s.
        screen_names: many(ScreenName => ScreenName),
        /// `MessageID`s.
        message_ids: many(MessageID => Text),
        /// `ContactList`s.
        contact_lists: many(ContactList => Text),
        /// `Domain`s.
        domains: many(Domain => Text),
    }
}

element! {
    /// `Property (Name, Value?)`.
    pub struct Property: Property {
        /// `Name`.
        name: req(Name => Text),
        /// `Value`.
        value: opt(Value => Text),
    }
}

impl Property {
    /// A name/value property.
    pub fn new(name: impl Into<Text>, value: impl Into<Text>) -> Self {
        Property {
            name: name.into(),
            value: Some(value.into()),
            ..Property::default()
        }
    }
}

element! {
    /// `ContactListProperties (Property+)`; also `OwnProperties`.
    pub struct Properties: ContactListProperties {
        /// `Property`s.
        properties: some(Property => Property),
    }
}

element! {
    /// `WelcomeNote (ContentType, ContentEncoding?, ContentData)`.
    pub struct WelcomeNote: WelcomeNote {
        /// `ContentType` (MIME type).
        content_type: req(ContentType => Text),
        /// `ContentEncoding`.
        content_encoding: opt(ContentEncoding => Encoding),
        /// `ContentData`.
        content_data: req(ContentData => ContentData),
    }
}

element! {
    /// `GroupProperties (Property+, WelcomeNote?)`.
    pub struct GroupProperties: GroupProperties {
        /// `Property`s.
        properties: some(Property => Property),
        /// `WelcomeNote`.
        welcome_note: opt(WelcomeNote => WelcomeNote),
    }
}

element! {
    /// `MessageInfo (MessageID?, MessageURI?, ContentType?, ContentEncoding?,
    /// ContentSize, Recipient, Sender, DateTime?, Validity?)`.
    pub struct MessageInfo: MessageInfo {
        /// `MessageID`.
        message_id: opt(MessageID => Text),
        /// `MessageURI`.
        message_uri: opt(MessageURI => Text),
        /// `ContentType` (MIME type, `text/plain` when absent).
        content_type: opt(ContentType => Text),
        /// `ContentEncoding`.
        content_encoding: opt(ContentEncoding => Encoding),
        /// `ContentSize` in bytes.
        content_size: req(ContentSize => u32),
        /// `Recipient`.
        recipient: req(Recipient => Recipient),
        /// `Sender`.
        sender: req(Sender => Sender),
        /// `DateTime`.
        date_time: opt(DateTime => crate::leaf::Timestamp),
        /// `Validity` in seconds.
        validity: opt(Validity => u32),
    }
}

element! {
    /// `Logo (ContentType, ContentSize?, ContentEncoding?, ContentData)`.
    pub struct Logo: Logo {
        /// `ContentType`.
        content_type: req(ContentType => Text),
        /// `ContentSize`.
        content_size: opt(ContentSize => u32),
        /// `ContentEncoding`.
        content_encoding: opt(ContentEncoding => Encoding),
        /// `ContentData`.
        content_data: req(ContentData => ContentData),
    }
}

element! {
    /// `EntityList (UserID*, ScreenName*, GroupID*)`; also `AddList` and
    /// `RemoveList`.
    pub struct EntityList: EntityList {
        /// `UserID`s.
        user_ids: many(UserID => Text),
        /// `ScreenName`s.
        screen_names: many(ScreenName => ScreenName),
        /// `GroupID`s.
        group_ids: many(GroupID => Text),
    }
}
