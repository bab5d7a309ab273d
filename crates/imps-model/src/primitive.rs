//! The `Primitive` enum: one variant per CSP 1.2 primitive
//! (`spec/csp-dtd/csp12-primitives.tsv`, 88 primitives) and `Unknown` for
//! anything else (CSP 1.3 primitives, vendor extensions), kept as a generic
//! subtree.
//!
//! `BlockUser-Request` (CSP 1.1) and `BlockEntity-Request` (CSP 1.2) are one
//! variant (the decoder maps renamed elements to their CSP 1.2 name, see
//! [`crate::codec::model_tag`]); encoding writes the name of the encoder's
//! version.

use imps_event::{CspVersion, Error, ErrorKind, Name, Start, Tag};

use crate::codec::{versioned_tag, Decoder, Encoder, FromEvents};
use crate::element::Element;
use crate::primitives::{access, contacts, groups, messaging, presence, search, service, session};

macro_rules! primitives {
    (
        $(
            $(#[$meta:meta])*
            $var:ident ($ty:ty) = $tag:ident;
        )+
    ) => {
        /// One CSP primitive: the content of a `TransactionContent`.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[allow(clippy::large_enum_variant)]
        pub enum Primitive {
            $( $(#[$meta])* $var($ty), )+
            /// Any other primitive (CSP 1.3, vendor), kept as it came.
            Unknown(Element),
        }

        impl Primitive {
            /// The tags of every typed primitive (CSP 1.2 names).
            pub const TAGS: &'static [Tag] = &[$(Tag::$tag,)+];

            /// Whether `tag` names a typed primitive.
            pub fn is_primitive(tag: Tag) -> bool {
                matches!(crate::codec::model_tag(tag), $(Tag::$tag)|+)
            }

            /// The primitive's element name in CSP 1.2 (`None` for
            /// [`Primitive::Unknown`] with a non-table name).
            pub fn tag(&self) -> Option<Tag> {
                match self {
                    $( Primitive::$var(_) => Some(Tag::$tag), )+
                    Primitive::Unknown(el) => el.name.tag(),
                }
            }

            /// The primitive's element name as written in `version`.
            pub fn name(&self, version: CspVersion) -> std::borrow::Cow<'_, str> {
                match self {
                    Primitive::Unknown(el) => el.name.as_xml(),
                    _ => match self.tag() {
                        Some(tag) => std::borrow::Cow::Borrowed(versioned_tag(tag, version).name()),
                        None => std::borrow::Cow::Borrowed(""),
                    },
                }
            }

            /// Decodes the primitive `start` opened.
            pub fn decode<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
                match start.name {
                    $(
                        Name::Tag(Tag::$tag) => {
                            Ok(Primitive::$var(<$ty as FromEvents>::from_events(start, d)?))
                        }
                    )+
                    _ => {
                        if d.strict() {
                            return Err(d.error(ErrorKind::UnknownElement(
                                start.name.as_xml().into(),
                            )));
                        }
                        Ok(Primitive::Unknown(d.subtree(start)?))
                    }
                }
            }

            /// [`Primitive::decode`] into `slot`: the model is decoded in
            /// place rather than moved into the enum.
            pub fn decode_into<'a>(
                slot: &mut Primitive,
                start: Start<'a>,
                d: &mut Decoder<'_, 'a>,
            ) -> Result<(), Error> {
                match start.name {
                    $(
                        Name::Tag(Tag::$tag) => {
                            *slot = Primitive::$var(<$ty>::default());
                            match slot {
                                Primitive::$var(v) => <$ty as FromEvents>::decode_into(v, start, d),
                                _ => Ok(()),
                            }
                        }
                    )+
                    _ => {
                        *slot = Primitive::decode(start, d)?;
                        Ok(())
                    }
                }
            }

            /// Writes the primitive as a whole element, named as in the
            /// encoder's version.
            pub fn encode(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
                match self {
                    $( Primitive::$var(v) => e.child(Tag::$tag, v), )+
                    Primitive::Unknown(el) => el.encode(e),
                }
            }
        }

        #[cfg(any(test, feature = "proptest"))]
        impl Primitive {
            /// One strategy per typed primitive, with the CSP 1.2 name: for
            /// tests that must cover every primitive.
            pub fn arb_each() -> Vec<(&'static str, proptest::strategy::BoxedStrategy<Primitive>)> {
                use proptest::strategy::Strategy;
                vec![
                    $( (
                        Tag::$tag.name(),
                        <$ty as crate::arb::Arb>::arb().prop_map(Primitive::$var).boxed(),
                    ), )+
                ]
            }
        }

        #[cfg(any(test, feature = "proptest"))]
        impl crate::arb::Arb for Primitive {
            fn arb() -> proptest::strategy::BoxedStrategy<Self> {
                use proptest::strategy::Strategy;
                proptest::strategy::Union::new(vec![
                    $( <$ty as crate::arb::Arb>::arb().prop_map(Primitive::$var).boxed(), )+
                ])
                .boxed()
            }
        }
    };
}

impl Default for Primitive {
    fn default() -> Self {
        Primitive::PollingRequest(session::PollingRequest::default())
    }
}

primitives! {
/// `Login-Request` (session).
LoginRequest(session::LoginRequest) = LoginRequest;
/// `Login-Response` (session).
LoginResponse(session::LoginResponse) = LoginResponse;
/// `Logout-Request` (session).
LogoutRequest(session::LogoutRequest) = LogoutRequest;
/// `Disconnect` (session).
Disconnect(session::Disconnect) = Disconnect;
/// `KeepAlive-Request` (session).
KeepAliveRequest(session::KeepAliveRequest) = KeepAliveRequest;
/// `KeepAlive-Response` (session).
KeepAliveResponse(session::KeepAliveResponse) = KeepAliveResponse;
/// `Polling-Request` (session).
PollingRequest(session::PollingRequest) = PollingRequest;
/// `Status` (general).
Status(session::Status) = Status;
/// `GetSPInfo-Request` (service discovery).
GetSpInfoRequest(session::GetSpInfoRequest) = GetSPInfoRequest;
/// `GetSPInfo-Response` (service discovery).
GetSpInfoResponse(session::GetSpInfoResponse) = GetSPInfoResponse;
/// `Service-Request` (service negotiation).
ServiceRequest(service::ServiceRequest) = ServiceRequest;
/// `Service-Response` (service negotiation).
ServiceResponse(service::ServiceResponse) = ServiceResponse;
/// `ClientCapability-Request` (capability negotiation).
ClientCapabilityRequest(service::ClientCapabilityRequest) = ClientCapabilityRequest;
/// `ClientCapability-Response` (capability negotiation).
ClientCapabilityResponse(service::ClientCapabilityResponse) = ClientCapabilityResponse;
/// `VerifyID-Request` (fundamental).
VerifyIdRequest(session::VerifyIdRequest) = VerifyIDRequest;
/// `WV-CSP-VersionDiscovery-Request` (session).
VersionDiscoveryRequest(session::VersionDiscoveryRequest) = WvCspVersionDiscoveryRequest;
/// `WV-CSP-VersionDiscovery-Response` (session).
VersionDiscoveryResponse(session::VersionDiscoveryResponse) = WvCspVersionDiscoveryResponse;
/// `Extended-Request` (general).
ExtendedRequest(session::ExtendedRequest) = ExtendedRequest;
/// `Extended-Response` (general).
ExtendedResponse(session::ExtendedResponse) = ExtendedResponse;
/// `Search-Request` (fundamental (search)).
SearchRequest(search::SearchRequest) = SearchRequest;
/// `Search-Response` (fundamental (search)).
SearchResponse(search::SearchResponse) = SearchResponse;
/// `StopSearch-Request` (fundamental (search)).
StopSearchRequest(search::StopSearchRequest) = StopSearchRequest;
/// `Invite-Request` (fundamental (invite)).
InviteRequest(search::InviteRequest) = InviteRequest;
/// `InviteUser-Request` (fundamental (invite)).
InviteUserRequest(search::InviteUserRequest) = InviteUserRequest;
/// `InviteUser-Response` (fundamental (invite)).
InviteUserResponse(search::InviteUserResponse) = InviteUserResponse;
/// `Invite-Response` (fundamental (invite)).
InviteResponse(search::InviteResponse) = InviteResponse;
/// `CancelInvite-Request` (fundamental (invite)).
CancelInviteRequest(search::CancelInviteRequest) = CancelInviteRequest;
/// `CancelInviteUser-Request` (fundamental (invite)).
CancelInviteUserRequest(search::CancelInviteUserRequest) = CancelInviteUserRequest;
/// `GetList-Request` (presence (contact lists)).
GetListRequest(contacts::GetListRequest) = GetListRequest;
/// `GetList-Response` (presence (contact lists)).
GetListResponse(contacts::GetListResponse) = GetListResponse;
/// `CreateList-Request` (presence (contact lists)).
CreateListRequest(contacts::CreateListRequest) = CreateListRequest;
/// `DeleteList-Request` (presence (contact lists)).
DeleteListRequest(contacts::DeleteListRequest) = DeleteListRequest;
/// `ListManage-Request` (presence (contact lists)).
ListManageRequest(contacts::ListManageRequest) = ListManageRequest;
/// `ListManage-Response` (presence (contact lists)).
ListManageResponse(contacts::ListManageResponse) = ListManageResponse;
/// `CreateAttributeList-Request` (presence (attribute lists)).
CreateAttributeListRequest(contacts::CreateAttributeListRequest) = CreateAttributeListRequest;
/// `DeleteAttributeList-Request` (presence (attribute lists)).
DeleteAttributeListRequest(contacts::DeleteAttributeListRequest) = DeleteAttributeListRequest;
/// `GetAttributeList-Request` (presence (attribute lists)).
GetAttributeListRequest(contacts::GetAttributeListRequest) = GetAttributeListRequest;
/// `GetAttributeList-Response` (presence (attribute lists)).
GetAttributeListResponse(contacts::GetAttributeListResponse) = GetAttributeListResponse;
/// `SubscribePresence-Request` (presence (delivery)).
SubscribePresenceRequest(presence::SubscribePresenceRequest) = SubscribePresenceRequest;
/// `UnsubscribePresence-Request` (presence (delivery)).
UnsubscribePresenceRequest(presence::UnsubscribePresenceRequest) = UnsubscribePresenceRequest;
/// `PresenceNotification-Request` (presence (delivery)).
PresenceNotificationRequest(presence::PresenceNotificationRequest) = PresenceNotificationRequest;
/// `GetPresence-Request` (presence (delivery)).
GetPresenceRequest(presence::GetPresenceRequest) = GetPresenceRequest;
/// `GetPresence-Response` (presence (delivery)).
GetPresenceResponse(presence::GetPresenceResponse) = GetPresenceResponse;
/// `UpdatePresence-Request` (presence (delivery)).
UpdatePresenceRequest(presence::UpdatePresenceRequest) = UpdatePresenceRequest;
/// `GetWatcherList-Request` (presence (authorisation)).
GetWatcherListRequest(presence::GetWatcherListRequest) = GetWatcherListRequest;
/// `GetWatcherList-Response` (presence (authorisation)).
GetWatcherListResponse(presence::GetWatcherListResponse) = GetWatcherListResponse;
/// `PresenceAuth-Request` (presence (authorisation)).
PresenceAuthRequest(presence::PresenceAuthRequest) = PresenceAuthRequest;
/// `PresenceAuth-User` (presence (authorisation)).
PresenceAuthUser(presence::PresenceAuthUser) = PresenceAuthUser;
/// `CancelAuth-Request` (presence (authorisation)).
CancelAuthRequest(presence::CancelAuthRequest) = CancelAuthRequest;
/// `GetReactiveAuthStatus-Request` (presence (authorisation)).
GetReactiveAuthStatusRequest(presence::GetReactiveAuthStatusRequest) = GetReactiveAuthStatusRequest;
/// `GetReactiveAuthStatus-Response` (presence (authorisation)).
GetReactiveAuthStatusResponse(presence::GetReactiveAuthStatusResponse) = GetReactiveAuthStatusResponse;
/// `SendMessage-Request` (IM).
SendMessageRequest(messaging::SendMessageRequest) = SendMessageRequest;
/// `SendMessage-Response` (IM).
SendMessageResponse(messaging::SendMessageResponse) = SendMessageResponse;
/// `SetDeliveryMethod-Request` (IM).
SetDeliveryMethodRequest(messaging::SetDeliveryMethodRequest) = SetDeliveryMethodRequest;
/// `GetMessageList-Request` (IM).
GetMessageListRequest(messaging::GetMessageListRequest) = GetMessageListRequest;
/// `GetMessageList-Response` (IM).
GetMessageListResponse(messaging::GetMessageListResponse) = GetMessageListResponse;
/// `RejectMessage-Request` (IM).
RejectMessageRequest(messaging::RejectMessageRequest) = RejectMessageRequest;
/// `MessageNotification` (IM).
MessageNotification(messaging::MessageNotification) = MessageNotification;
/// `GetMessage-Request` (IM).
GetMessageRequest(messaging::GetMessageRequest) = GetMessageRequest;
/// `GetMessage-Response` (IM).
GetMessageResponse(messaging::GetMessageResponse) = GetMessageResponse;
/// `NewMessage` (IM).
NewMessage(messaging::NewMessage) = NewMessage;
/// `MessageDelivered` (IM).
MessageDelivered(messaging::MessageDelivered) = MessageDelivered;
/// `DeliveryReport-Request` (IM).
DeliveryReportRequest(messaging::DeliveryReportRequest) = DeliveryReportRequest;
/// `ForwardMessage-Request` (IM).
ForwardMessageRequest(messaging::ForwardMessageRequest) = ForwardMessageRequest;
/// `GetBlockedList-Request` (IM (access control)).
GetBlockedListRequest(access::GetBlockedListRequest) = GetBlockedListRequest;
/// `GetBlockedList-Response` (IM (access control)).
GetBlockedListResponse(access::GetBlockedListResponse) = GetBlockedListResponse;
/// `BlockEntity-Request` (IM (access control)).
BlockEntityRequest(access::BlockEntityRequest) = BlockEntityRequest;
/// `CreateGroup-Request` (group).
CreateGroupRequest(groups::CreateGroupRequest) = CreateGroupRequest;
/// `DeleteGroup-Request` (group).
DeleteGroupRequest(groups::DeleteGroupRequest) = DeleteGroupRequest;
/// `JoinGroup-Request` (group).
JoinGroupRequest(groups::JoinGroupRequest) = JoinGroupRequest;
/// `JoinGroup-Response` (group).
JoinGroupResponse(groups::JoinGroupResponse) = JoinGroupResponse;
/// `LeaveGroup-Request` (group).
LeaveGroupRequest(groups::LeaveGroupRequest) = LeaveGroupRequest;
/// `LeaveGroup-Response` (group).
LeaveGroupResponse(groups::LeaveGroupResponse) = LeaveGroupResponse;
/// `GetGroupMembers-Request` (group).
GetGroupMembersRequest(groups::GetGroupMembersRequest) = GetGroupMembersRequest;
/// `GetGroupMembers-Response` (group).
GetGroupMembersResponse(groups::GetGroupMembersResponse) = GetGroupMembersResponse;
/// `AddGroupMembers-Request` (group).
AddGroupMembersRequest(groups::AddGroupMembersRequest) = AddGroupMembersRequest;
/// `RemoveGroupMembers-Request` (group).
RemoveGroupMembersRequest(groups::RemoveGroupMembersRequest) = RemoveGroupMembersRequest;
/// `MemberAccess-Request` (group).
MemberAccessRequest(groups::MemberAccessRequest) = MemberAccessRequest;
/// `GetGroupProps-Request` (group).
GetGroupPropsRequest(groups::GetGroupPropsRequest) = GetGroupPropsRequest;
/// `GetGroupProps-Response` (group).
GetGroupPropsResponse(groups::GetGroupPropsResponse) = GetGroupPropsResponse;
/// `SetGroupProps-Request` (group).
SetGroupPropsRequest(groups::SetGroupPropsRequest) = SetGroupPropsRequest;
/// `RejectList-Request` (group).
RejectListRequest(groups::RejectListRequest) = RejectListRequest;
/// `RejectList-Response` (group).
RejectListResponse(groups::RejectListResponse) = RejectListResponse;
/// `SubscribeGroupNotice-Request` (group).
SubscribeGroupNoticeRequest(groups::SubscribeGroupNoticeRequest) = SubscribeGroupNoticeRequest;
/// `SubscribeGroupNotice-Response` (group).
SubscribeGroupNoticeResponse(groups::SubscribeGroupNoticeResponse) = SubscribeGroupNoticeResponse;
/// `GroupChangeNotice` (group).
GroupChangeNotice(groups::GroupChangeNotice) = GroupChangeNotice;
/// `GetJoinedUsers-Request` (group).
GetJoinedUsersRequest(groups::GetJoinedUsersRequest) = GetJoinedUsersRequest;
/// `GetJoinedUsers-Response` (group).
GetJoinedUsersResponse(groups::GetJoinedUsersResponse) = GetJoinedUsersResponse;}

impl Primitive {
    /// The `TransactionMode` this primitive travels in, from the
    /// "answered_by" column of `spec/csp-dtd/csp12-primitives.tsv`: a
    /// primitive that something answers opens a transaction (`Request`), one
    /// that answers closes it (`Response`). `None` where the sources disagree
    /// or the primitive is sent both ways (`Disconnect`, `MessageDelivered`,
    /// `LeaveGroup-Response`; `PresenceAuth-User`, which the spec example
    /// sends as the `Response` to a `PresenceAuth-Request` and Movistar's
    /// client as a new `Request`) and for unknown primitives.
    pub fn expected_mode(&self) -> Option<crate::values::TransactionMode> {
        use crate::values::TransactionMode;
        match self {
            Primitive::LoginRequest(_)
            | Primitive::LogoutRequest(_)
            | Primitive::KeepAliveRequest(_)
            | Primitive::PollingRequest(_)
            | Primitive::GetSpInfoRequest(_)
            | Primitive::ServiceRequest(_)
            | Primitive::ClientCapabilityRequest(_)
            | Primitive::VerifyIdRequest(_)
            | Primitive::VersionDiscoveryRequest(_)
            | Primitive::ExtendedRequest(_)
            | Primitive::SearchRequest(_)
            | Primitive::StopSearchRequest(_)
            | Primitive::InviteRequest(_)
            | Primitive::InviteUserRequest(_)
            | Primitive::InviteUserResponse(_)
            | Primitive::InviteResponse(_)
            | Primitive::CancelInviteRequest(_)
            | Primitive::CancelInviteUserRequest(_)
            | Primitive::GetListRequest(_)
            | Primitive::CreateListRequest(_)
            | Primitive::DeleteListRequest(_)
            | Primitive::ListManageRequest(_)
            | Primitive::CreateAttributeListRequest(_)
            | Primitive::DeleteAttributeListRequest(_)
            | Primitive::GetAttributeListRequest(_)
            | Primitive::SubscribePresenceRequest(_)
            | Primitive::UnsubscribePresenceRequest(_)
            | Primitive::PresenceNotificationRequest(_)
            | Primitive::GetPresenceRequest(_)
            | Primitive::UpdatePresenceRequest(_)
            | Primitive::GetWatcherListRequest(_)
            | Primitive::PresenceAuthRequest(_)
            | Primitive::CancelAuthRequest(_)
            | Primitive::GetReactiveAuthStatusRequest(_)
            | Primitive::SendMessageRequest(_)
            | Primitive::SetDeliveryMethodRequest(_)
            | Primitive::GetMessageListRequest(_)
            | Primitive::RejectMessageRequest(_)
            | Primitive::MessageNotification(_)
            | Primitive::GetMessageRequest(_)
            | Primitive::NewMessage(_)
            | Primitive::DeliveryReportRequest(_)
            | Primitive::ForwardMessageRequest(_)
            | Primitive::GetBlockedListRequest(_)
            | Primitive::BlockEntityRequest(_)
            | Primitive::CreateGroupRequest(_)
            | Primitive::DeleteGroupRequest(_)
            | Primitive::JoinGroupRequest(_)
            | Primitive::LeaveGroupRequest(_)
            | Primitive::GetGroupMembersRequest(_)
            | Primitive::AddGroupMembersRequest(_)
            | Primitive::RemoveGroupMembersRequest(_)
            | Primitive::MemberAccessRequest(_)
            | Primitive::GetGroupPropsRequest(_)
            | Primitive::SetGroupPropsRequest(_)
            | Primitive::RejectListRequest(_)
            | Primitive::SubscribeGroupNoticeRequest(_)
            | Primitive::GroupChangeNotice(_)
            | Primitive::GetJoinedUsersRequest(_) => Some(TransactionMode::Request),
            Primitive::LoginResponse(_)
            | Primitive::KeepAliveResponse(_)
            | Primitive::Status(_)
            | Primitive::GetSpInfoResponse(_)
            | Primitive::ServiceResponse(_)
            | Primitive::ClientCapabilityResponse(_)
            | Primitive::VersionDiscoveryResponse(_)
            | Primitive::ExtendedResponse(_)
            | Primitive::SearchResponse(_)
            | Primitive::GetListResponse(_)
            | Primitive::ListManageResponse(_)
            | Primitive::GetAttributeListResponse(_)
            | Primitive::GetPresenceResponse(_)
            | Primitive::GetWatcherListResponse(_)
            | Primitive::GetReactiveAuthStatusResponse(_)
            | Primitive::SendMessageResponse(_)
            | Primitive::GetMessageListResponse(_)
            | Primitive::GetMessageResponse(_)
            | Primitive::GetBlockedListResponse(_)
            | Primitive::JoinGroupResponse(_)
            | Primitive::GetGroupMembersResponse(_)
            | Primitive::GetGroupPropsResponse(_)
            | Primitive::RejectListResponse(_)
            | Primitive::SubscribeGroupNoticeResponse(_)
            | Primitive::GetJoinedUsersResponse(_) => Some(TransactionMode::Response),
            Primitive::Disconnect(_)
            | Primitive::PresenceAuthUser(_)
            | Primitive::MessageDelivered(_)
            | Primitive::LeaveGroupResponse(_)
            | Primitive::Unknown(_) => None,
        }
    }
}
