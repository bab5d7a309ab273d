//! Realistic CSP 1.2 examples for the primitives that no public vector
//! carries (CSP 1.2-only primitives and the group primitives the libwbxml
//! corpus leaves out), written from the content models in
//! `spec/csp-dtd/csp12-content-model.dtd`. Each is decoded from XML with its
//! values checked, and goes through WBXML and back unchanged.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use imps_event::CspVersion;
use imps_model::*;

/// A CSP 1.2 message around one primitive.
fn doc(mode: &str, body: &str) -> Message {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2">
  <Session>
    <SessionDescriptor><SessionType>Inband</SessionType><SessionID>S-4711</SessionID></SessionDescriptor>
    <Transaction>
      <TransactionDescriptor><TransactionMode>{mode}</TransactionMode><TransactionID>T-12</TransactionID></TransactionDescriptor>
      <TransactionContent xmlns="http://www.openmobilealliance.org/DTD/WV-TRC1.2">{body}</TransactionContent>
    </Transaction>
    <Poll>F</Poll>
  </Session>
</WV-CSP-Message>"#
    );
    let msg = from_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(msg.version, CspVersion::V1_2);
    assert_eq!(msg.session.poll, Some(false));
    // Strict mode accepts it too: nothing unknown.
    let strict = from_xml_with(xml.as_bytes(), DecodeOptions::strict()).unwrap();
    assert_eq!(strict, msg);
    let back = from_wbxml(&to_wbxml(&msg)).unwrap();
    assert_eq!(back, msg, "WBXML round trip");
    let back = from_xml(&to_xml(&msg)).unwrap();
    assert_eq!(back, msg, "XML round trip");
    msg
}

fn first(msg: Message) -> Primitive {
    msg.session
        .transactions
        .into_iter()
        .next()
        .unwrap()
        .content
        .primitive
}

macro_rules! get {
    ($msg:expr, $var:ident) => {
        match first($msg) {
            Primitive::$var(p) => p,
            other => panic!("expected {}, got {other:?}", stringify!($var)),
        }
    };
}

#[test]
fn verify_id_request() {
    let r = get!(
        doc(
            "Request",
            "<VerifyID-Request><IDList><UserID>wv:alice@example.com</UserID>\
             <GroupID>wv:alice/chess@example.com</GroupID>\
             <ScreenName><SName>Knight</SName><GroupID>wv:alice/chess@example.com</GroupID></ScreenName>\
             <Domain>example.com</Domain></IDList></VerifyID-Request>"
        ),
        VerifyIdRequest
    );
    assert_eq!(r.id_list.user_ids, ["wv:alice@example.com"]);
    assert_eq!(r.id_list.group_ids, ["wv:alice/chess@example.com"]);
    assert_eq!(r.id_list.screen_names[0].sname, "Knight");
    assert_eq!(r.id_list.domains, ["example.com"]);
}

#[test]
fn version_discovery() {
    let r = get!(
        doc(
            "Request",
            "<WV-CSP-VersionDiscovery-Request><VersionList>1.1 1.2</VersionList></WV-CSP-VersionDiscovery-Request>"
        ),
        VersionDiscoveryRequest
    );
    assert_eq!(
        r.version_list.unwrap().children,
        [Node::Text("1.1 1.2".into())]
    );
    let r = get!(
        doc(
            "Response",
            "<WV-CSP-VersionDiscovery-Response><VersionList>1.2</VersionList></WV-CSP-VersionDiscovery-Response>"
        ),
        VersionDiscoveryResponse
    );
    assert_eq!(r.version_list.unwrap().children, [Node::Text("1.2".into())]);
}

#[test]
fn extended_request_and_response_keep_their_content() {
    let r = get!(
        doc(
            "Request",
            "<Extended-Request><ExtendedData>vendor:ping</ExtendedData></Extended-Request>"
        ),
        ExtendedRequest
    );
    let [Node::Element(el)] = r.children.as_slice() else {
        panic!("{r:?}")
    };
    assert_eq!(
        (el.name.as_xml().as_ref(), el.text()),
        ("ExtendedData", Some("vendor:ping"))
    );
    let r = get!(
        doc("Response", "<Extended-Response>pong</Extended-Response>"),
        ExtendedResponse
    );
    assert_eq!(r.children, [Node::Text("pong".into())]);
}

#[test]
fn reactive_authorisation_status() {
    let r = get!(
        doc(
            "Request",
            "<GetReactiveAuthStatus-Request><UserID>wv:bob@example.com</UserID>\
             <UserID>wv:carol@example.com</UserID></GetReactiveAuthStatus-Request>"
        ),
        GetReactiveAuthStatusRequest
    );
    assert_eq!(r.user_ids.len(), 2);
    let r = get!(
        doc(
            "Response",
            "<GetReactiveAuthStatus-Response><ReactiveAuthStatusList>\
             <ReactiveAuthStatus><UserID>wv:bob@example.com</UserID><ReactiveAuthState>GRANTED</ReactiveAuthState>\
             <PresenceSubList xmlns=\"http://www.openmobilealliance.org/DTD/WV-PA1.2\"><OnlineStatus/></PresenceSubList>\
             </ReactiveAuthStatus>\
             <ReactiveAuthStatus><UserID>wv:carol@example.com</UserID><ReactiveAuthState>PENDING</ReactiveAuthState></ReactiveAuthStatus>\
             </ReactiveAuthStatusList></GetReactiveAuthStatus-Response>"
        ),
        GetReactiveAuthStatusResponse
    );
    let s = &r.list.statuses;
    assert_eq!(s[0].state, ReactiveAuthState::Granted);
    assert!(s[0].presence.is_some());
    assert_eq!(
        (s[1].user_id.as_str(), &s[1].state),
        ("wv:carol@example.com", &ReactiveAuthState::Pending)
    );
}

#[test]
fn watcher_list_csp12() {
    let r = get!(
        doc(
            "Request",
            "<GetWatcherList-Request><HistoryPeriod>86400</HistoryPeriod><MaxWatcherList>20</MaxWatcherList></GetWatcherList-Request>"
        ),
        GetWatcherListRequest
    );
    assert_eq!(
        (r.history_period, r.max_watcher_list),
        (Some(86400), Some(20))
    );
    let r = get!(
        doc(
            "Response",
            "<GetWatcherList-Response><HistoryPeriod>86400</HistoryPeriod>\
             <Watcher><User><UserID>wv:bob@example.com</UserID></User><WatcherStatus>CURRENT_SUBSCRIBER</WatcherStatus></Watcher>\
             </GetWatcherList-Response>"
        ),
        GetWatcherListResponse
    );
    assert_eq!(r.watchers[0].user.user_id, "wv:bob@example.com");
    assert_eq!(r.watchers[0].status.as_deref(), Some("CURRENT_SUBSCRIBER"));
}

#[test]
fn leave_group() {
    let r = get!(
        doc("Request", "<LeaveGroup-Request><GroupID>wv:alice/chess@example.com</GroupID></LeaveGroup-Request>"),
        LeaveGroupRequest
    );
    assert_eq!(r.group_id, "wv:alice/chess@example.com");
    let r = get!(
        doc(
            "Response",
            "<LeaveGroup-Response><GroupID>wv:alice/chess@example.com</GroupID>\
             <Result><Code>808</Code><Description>Group is not joined</Description></Result></LeaveGroup-Response>"
        ),
        LeaveGroupResponse
    );
    assert_eq!(r.result.code, StatusCode::GroupIsNotJoined);
    assert_eq!(r.group_id.as_deref(), Some("wv:alice/chess@example.com"));
}

const USERS: &str = "<UserList><User><UserID>wv:bob@example.com</UserID></User>\
    <ScreenName><SName>Rook</SName><GroupID>wv:alice/chess@example.com</GroupID></ScreenName></UserList>";

#[test]
fn group_members() {
    let r = get!(
        doc("Request", "<GetGroupMembers-Request><GroupID>wv:alice/chess@example.com</GroupID></GetGroupMembers-Request>"),
        GetGroupMembersRequest
    );
    assert_eq!(r.group_id, "wv:alice/chess@example.com");
    let r = get!(
        doc(
            "Response",
            &format!(
                "<GetGroupMembers-Response><Admin><UserList><User><UserID>wv:alice@example.com</UserID></User></UserList></Admin>\
                 <Mod>{USERS}</Mod><Users><UserList/></Users></GetGroupMembers-Response>"
            )
        ),
        GetGroupMembersResponse
    );
    assert_eq!(
        r.admin.unwrap().user_list.users[0].user_id,
        "wv:alice@example.com"
    );
    assert_eq!(
        r.moderators.unwrap().user_list.screen_names[0].sname,
        "Rook"
    );
    assert_eq!(r.users.unwrap().user_list, UserList::default());
    let r = get!(
        doc(
            "Request",
            &format!("<AddGroupMembers-Request><GroupID>wv:alice/chess@example.com</GroupID>{USERS}</AddGroupMembers-Request>")
        ),
        AddGroupMembersRequest
    );
    assert_eq!(r.user_list.users[0].user_id, "wv:bob@example.com");
    let r = get!(
        doc(
            "Request",
            &format!("<RemoveGroupMembers-Request><GroupID>wv:alice/chess@example.com</GroupID>{USERS}</RemoveGroupMembers-Request>")
        ),
        RemoveGroupMembersRequest
    );
    assert_eq!(r.user_list.screen_names.len(), 1);
    let r = get!(
        doc(
            "Request",
            &format!(
                "<MemberAccess-Request><GroupID>wv:alice/chess@example.com</GroupID><Mod>{USERS}</Mod></MemberAccess-Request>"
            )
        ),
        MemberAccessRequest
    );
    assert!(r.admin.is_none() && r.users.is_none());
    assert_eq!(r.moderators.unwrap().user_list.users.len(), 1);
}

const PROPS: &str =
    "<GroupProperties><Property><Name>Name</Name><Value>Chess club</Value></Property>\
    <Property><Name>AccessType</Name><Value>Open</Value></Property>\
    <WelcomeNote><ContentType>text/plain</ContentType><ContentEncoding>None</ContentEncoding>\
    <ContentData>Welcome, players!</ContentData></WelcomeNote></GroupProperties>";

#[test]
fn group_properties() {
    let r = get!(
        doc("Request", "<GetGroupProps-Request><GroupID>wv:alice/chess@example.com</GroupID></GetGroupProps-Request>"),
        GetGroupPropsRequest
    );
    assert_eq!(r.group_id, "wv:alice/chess@example.com");
    let r = get!(
        doc(
            "Response",
            &format!(
                "<GetGroupProps-Response>{PROPS}<OwnProperties><Property><Name>IsMember</Name><Value>T</Value></Property>\
                 </OwnProperties></GetGroupProps-Response>"
            )
        ),
        GetGroupPropsResponse
    );
    assert_eq!(
        r.properties.properties[1],
        Property::new("AccessType", "Open")
    );
    let note = r.properties.welcome_note.unwrap();
    assert_eq!(note.content_encoding, Some(Encoding::None));
    assert_eq!(note.content_data.as_text(), Some("Welcome, players!"));
    assert_eq!(r.own_properties.unwrap().properties[0].name, "IsMember");
    let r = get!(
        doc(
            "Request",
            &format!("<SetGroupProps-Request><GroupID>wv:alice/chess@example.com</GroupID>{PROPS}</SetGroupProps-Request>")
        ),
        SetGroupPropsRequest
    );
    assert_eq!(
        r.properties.unwrap().properties[0].value.as_deref(),
        Some("Chess club")
    );
    assert!(r.own_properties.is_none());
}

#[test]
fn reject_list() {
    let r = get!(
        doc(
            "Request",
            "<RejectList-Request><GroupID>wv:alice/chess@example.com</GroupID>\
             <AddList><UserID>wv:mallory@example.com</UserID></AddList>\
             <RemoveList><UserID>wv:bob@example.com</UserID></RemoveList></RejectList-Request>"
        ),
        RejectListRequest
    );
    assert_eq!(r.add.unwrap().user_ids, ["wv:mallory@example.com"]);
    assert_eq!(r.remove.unwrap().user_ids, ["wv:bob@example.com"]);
    let r = get!(
        doc(
            "Response",
            "<RejectList-Response><UserList><User><UserID>wv:mallory@example.com</UserID></User></UserList></RejectList-Response>"
        ),
        RejectListResponse
    );
    assert_eq!(
        r.user_list.unwrap().users[0].user_id,
        "wv:mallory@example.com"
    );
}

#[test]
fn group_notices() {
    let r = get!(
        doc(
            "Request",
            "<SubscribeGroupNotice-Request><GroupID>wv:alice/chess@example.com</GroupID>\
             <SubscribeType>S</SubscribeType></SubscribeGroupNotice-Request>"
        ),
        SubscribeGroupNoticeRequest
    );
    assert_eq!(r.subscribe_type, SubscribeType::Subscribe);
    let r = get!(
        doc(
            "Response",
            "<SubscribeGroupNotice-Response><Value>T</Value></SubscribeGroupNotice-Response>"
        ),
        SubscribeGroupNoticeResponse
    );
    assert_eq!(r.value, "T");
    let r = get!(
        doc(
            "Request",
            "<GroupChangeNotice><GroupID>wv:alice/chess@example.com</GroupID>\
             <Joined><UserMapList><UserMapping><Mapping><SName>Rook</SName><UserID>wv:bob@example.com</UserID></Mapping>\
             </UserMapping></UserMapList></Joined>\
             <Left><UserList><ScreenName><SName>Pawn</SName><GroupID>wv:alice/chess@example.com</GroupID></ScreenName></UserList></Left>\
             </GroupChangeNotice>"
        ),
        GroupChangeNotice
    );
    let joined = r.joined.unwrap().user_map_list.unwrap().users.unwrap();
    assert_eq!(joined.mappings[0].sname, "Rook");
    assert_eq!(
        joined.mappings[0].user_id.as_deref(),
        Some("wv:bob@example.com")
    );
    assert_eq!(
        r.left.unwrap().user_list.unwrap().screen_names[0].sname,
        "Pawn"
    );
}

#[test]
fn joined_users() {
    let r = get!(
        doc("Request", "<GetJoinedUsers-Request><GroupID>wv:alice/chess@example.com</GroupID></GetJoinedUsers-Request>"),
        GetJoinedUsersRequest
    );
    assert_eq!(r.group_id, "wv:alice/chess@example.com");
    let r = get!(
        doc(
            "Response",
            "<GetJoinedUsers-Response><AdminMapList>\
             <AdminMapping><Mapping><SName>Queen</SName><UserID>wv:alice@example.com</UserID></Mapping></AdminMapping>\
             <UserMapping><Mapping><SName>Rook</SName></Mapping><Mapping><SName>Pawn</SName></Mapping></UserMapping>\
             </AdminMapList></GetJoinedUsers-Response>"
        ),
        GetJoinedUsersResponse
    );
    let a = r.admin_map_list.unwrap();
    assert_eq!(a.admins.unwrap().mappings[0].sname, "Queen");
    assert!(a.moderators.is_none());
    let users = a.users.unwrap().mappings;
    assert_eq!((users.len(), users[1].user_id.as_ref()), (2, None));
}

#[test]
fn join_group_csp12() {
    let r = get!(
        doc(
            "Request",
            "<JoinGroup-Request><GroupID>wv:alice/chess@example.com</GroupID>\
             <ScreenName><SName>Rook</SName><GroupID>wv:alice/chess@example.com</GroupID></ScreenName>\
             <JoinedRequest>T</JoinedRequest><SubscribeNotification>F</SubscribeNotification>\
             <OwnProperties><Property><Name>AutoJoin</Name><Value>T</Value></Property></OwnProperties>\
             </JoinGroup-Request>"
        ),
        JoinGroupRequest
    );
    assert_eq!(r.subscribe_notification, Some(false));
    assert_eq!(r.own_properties.unwrap().properties[0].name, "AutoJoin");
    let r = get!(
        doc(
            "Response",
            "<JoinGroup-Response><UserMapList><UserMapping><Mapping><SName>Queen</SName></Mapping></UserMapping></UserMapList>\
             </JoinGroup-Response>"
        ),
        JoinGroupResponse
    );
    assert_eq!(
        r.user_map_list.unwrap().users.unwrap().mappings[0].sname,
        "Queen"
    );
}

#[test]
fn capability_agreement_csp12() {
    let r = get!(
        doc(
            "Response",
            "<ClientCapability-Response><AgreedCapabilityList>\
             <SupportedBearer>HTTP</SupportedBearer><SupportedCIRMethod>STCP</SupportedCIRMethod>\
             <SupportedCIRMethod>SHTTP</SupportedCIRMethod><TCPAddress>192.0.2.7</TCPAddress><TCPPort>5222</TCPPort>\
             <ServerPollMin>30</ServerPollMin><CIRURL><URL>http://cir.example.com/c/S-4711</URL></CIRURL>\
             </AgreedCapabilityList></ClientCapability-Response>"
        ),
        ClientCapabilityResponse
    );
    let a = r.agreed.unwrap();
    assert_eq!(a.supported_cir_methods, [CirMethod::Stcp, CirMethod::Shttp]);
    assert_eq!(
        (a.tcp_address.as_deref(), a.tcp_port),
        (Some("192.0.2.7"), Some(5222))
    );
    assert_eq!(a.cir_url.unwrap().url, "http://cir.example.com/c/S-4711");
}

#[test]
fn service_tree_csp12() {
    let r = get!(
        doc(
            "Response",
            "<Service-Response><Functions><WVCSPFeat>\
             <FundamentalFeat><ServiceFunc><GETSPI/></ServiceFunc><SearchFunc><SRCH/><STSRC/></SearchFunc>\
             <VerifyIDFunc><VRID/></VerifyIDFunc></FundamentalFeat>\
             <PresenceFeat><MP/></PresenceFeat>\
             <IMFeat><IMSendFunc><MDELIV/></IMSendFunc><IMReceiveFunc><SETD/><NEWM/></IMReceiveFunc>\
             <IMAuthFunc><GLBLU/><BLENT/></IMAuthFunc></IMFeat>\
             <GroupFeat><GroupMgmtFunc><CREAG/></GroupMgmtFunc><GroupUseFunc><GETJU/></GroupUseFunc>\
             <GroupAuthFunc><REJEC/></GroupAuthFunc></GroupFeat>\
             </WVCSPFeat></Functions></Service-Response>"
        ),
        ServiceResponse
    );
    let f = r.functions.unwrap().features;
    let fund = f.fundamental.unwrap();
    assert!(fund.service.unwrap().getspi);
    let search = fund.search.unwrap();
    assert!(search.srch && search.stsrc);
    assert!(fund.verify_id.unwrap().vrid);
    assert!(f.presence.unwrap().mp);
    let im = f.im.unwrap();
    let recv = im.receive.unwrap();
    assert!(recv.setd && recv.newm && !recv.getm);
    assert!(im.auth.unwrap().blent);
    let g = f.group.unwrap();
    assert!(g.management.unwrap().creag && g.usage.unwrap().getju && g.auth.unwrap().rejec);
}
