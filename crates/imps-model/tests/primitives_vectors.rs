//! One realistic example per primitive, from the public vectors, with its
//! decoded values checked (the XML file; `vectors.rs` checks that the WBXML
//! encodings decode to the same model).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use imps_event::{CspVersion, DateTime, Zone};
use imps_model::*;

fn lib(n: &str) -> Message {
    let path = vectors()
        .join("libwbxml-wv-csp11")
        .join(format!("wv-{n}.xml"));
    from_xml(&read(&path)).unwrap()
}

fn movistar(name: &str) -> Message {
    let path = vectors().join("omf-sms20-movistar").join(name);
    from_xml(&read(&path)).unwrap()
}

fn android(name: &str) -> Message {
    let path = vectors().join("android-im-libwbxml").join(name);
    from_xml(&read(&path)).unwrap()
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

const URL: &str = "http://206.226.10.25:80/IMPSAPP";

#[test]
fn envelope_of_a_csp11_response() {
    let msg = lib("001");
    assert_eq!(msg.version, CspVersion::V1_1);
    assert_eq!(
        msg.xmlns.as_deref(),
        Some("http://www.wireless-village.org/CSP1.1")
    );
    assert_eq!(msg.session.descriptor.session_type, SessionType::Inband);
    assert_eq!(
        msg.session.descriptor.session_id.as_deref(),
        Some("im.user.com#48815@server.com")
    );
    let t = &msg.session.transactions[0];
    assert_eq!(t.descriptor.mode, TransactionMode::Response);
    assert_eq!(t.descriptor.id.as_deref(), Some("IMApp01#12345@NOK5110"));
    assert_eq!(t.descriptor.poll, Some(false), "1.1 placement");
    assert_eq!(msg.session.poll, None);
    assert_eq!(
        t.content.xmlns.as_deref(),
        Some("http://www.wireless-village.org/TRC1.1")
    );
}

#[test]
fn status_with_detailed_results() {
    let s = get!(lib("001"), Status);
    assert_eq!(s.result.code, StatusCode::PartiallySuccessful);
    assert_eq!(
        s.result.description.as_deref(),
        Some("Partially successful.")
    );
    assert_eq!(s.result.detailed.len(), 2);
    assert_eq!(s.result.detailed[0].code, StatusCode::UnknownUser);
    assert_eq!(
        s.result.detailed[0].user_ids,
        ["wv:bad_user1@im.com", "wv:bad_user2@im.com"]
    );
    assert_eq!(
        s.result.detailed[1].code,
        StatusCode::RecipientBlockedSender
    );
    // CSP 1.3 (Android): Poll after the transaction.
    let msg = android("parser/statusprim.xml");
    assert_eq!(msg.version, CspVersion::V1_3);
    assert_eq!(msg.session.poll, Some(false));
    let s = get!(msg, Status);
    assert_eq!(s.result.detailed[1].user_ids[1], "wv:bad_user4@im.com");
}

#[test]
fn polling_request() {
    let msg = movistar("10-Polling-Request.xml");
    assert_eq!(
        msg.session.transactions[0].descriptor.id.as_deref(),
        Some("")
    );
    get!(msg, PollingRequest);
    get!(lib("002"), PollingRequest);
}

#[test]
fn login_request_plain_and_digest() {
    let l = get!(lib("003"), LoginRequest);
    assert_eq!(l.user_id, "wv:user@im.com");
    assert_eq!(l.client_id.url.as_deref(), Some(URL));
    assert_eq!(l.password.as_deref(), Some("1my2pass3word"));
    assert_eq!(l.time_to_live, Some(120));
    assert_eq!(l.session_cookie, "im.user.com#20011224#328746293");
    let l = get!(lib("005"), LoginRequest);
    assert_eq!(
        l.digest_schemas,
        [DigestSchema::Unknown("PWD,SHA,MD4,MD5,MD6".into())]
    );
    let l = get!(lib("007"), LoginRequest);
    assert_eq!(
        l.digest_bytes.as_deref(),
        Some("alkkuayfdsAKDSJfsdfjhksadhlkasdlkfgsal")
    );
}

#[test]
fn login_response_success_and_challenge() {
    let r = get!(lib("004"), LoginResponse);
    assert_eq!(r.result.code, StatusCode::Successful);
    assert_eq!(
        r.session_id.as_deref(),
        Some("im.user.com#48815@server.com")
    );
    assert_eq!(r.keep_alive_time, Some(120));
    assert_eq!(r.capability_request, Some(true));
    let r = get!(lib("006"), LoginResponse);
    assert_eq!(
        r.nonce.as_deref(),
        Some("92387rhf934fho3fh9fkn309fn3pfun304ufn3")
    );
    assert_eq!(r.digest_schema, Some(DigestSchema::Md6));
    // Android: ClientID as text, a 401 digest challenge.
    let r = get!(android("parser/loginresponse.xml"), LoginResponse);
    assert_eq!(r.client_id.text.as_deref(), Some("Esmertec112233"));
    assert_eq!(r.result.code, StatusCode::Unauthorized);
    assert_eq!(r.digest_schema, Some(DigestSchema::Md5));
}

#[test]
fn service_request_and_response() {
    let r = get!(lib("009"), ServiceRequest);
    assert!(r.all_functions_request);
    let f = r.functions.unwrap().features;
    assert!(f.fundamental.is_some() && f.presence.is_some() && f.im.is_some());
    assert!(f.group.is_none());
    let r = get!(movistar("02-Service-Request.xml"), ServiceRequest);
    assert!(r.functions.unwrap().features.group.is_some());
    let r = get!(lib("010"), ServiceResponse);
    assert_eq!(r.client_id.unwrap().url.as_deref(), Some(URL));
    let fundamental = r.functions.unwrap().features.fundamental.unwrap();
    assert_eq!(fundamental.search, Some(SearchFunc::default()));
    assert_eq!(*r.all_functions.unwrap().features, Features::default());
}

#[test]
fn client_capability_request_and_response() {
    let r = get!(lib("011"), ClientCapabilityRequest);
    let c = r.capability_list.unwrap();
    assert_eq!(c.client_type, ClientType::MobilePhone);
    assert_eq!(c.initial_delivery_method, DeliveryMethod::Push);
    assert_eq!(c.accepted_content_types.len(), 4);
    assert_eq!(c.accepted_transfer_encodings, [Encoding::Base64]);
    assert_eq!(c.accepted_content_length, Some(32767));
    assert_eq!(
        c.supported_bearers,
        [Bearer::Sms, Bearer::Wsp, Bearer::Http]
    );
    assert_eq!((c.multi_trans, c.parser_size), (1, 32767));
    assert_eq!(
        c.supported_cir_methods,
        [
            CirMethod::WapSms,
            CirMethod::WapUdp,
            CirMethod::Sudp,
            CirMethod::Stcp
        ]
    );
    assert_eq!((c.udp_port, c.server_poll_min), (Some(91), Some(2)));
    // CSP 1.1 answers with a CapabilityList.
    let r = get!(lib("012"), ClientCapabilityResponse);
    let c = r.capability_list.unwrap();
    assert_eq!(c.tcp_address.as_deref(), Some("100.100.100.100"));
    assert_eq!(c.tcp_port, Some(98));
    // Android 1.2, children out of DTD order, SHTTP/SSMS.
    let r = get!(android("parser/cap_request.xml"), ClientCapabilityRequest);
    let c = r.capability_list.unwrap();
    assert_eq!(c.accepted_content_length, None);
    assert_eq!(
        c.supported_cir_methods,
        [CirMethod::Stcp, CirMethod::Shttp, CirMethod::Ssms]
    );
    // Movistar: a vendor element kept in `extra`.
    let r = get!(
        movistar("01-ClientCapability-Request.xml"),
        ClientCapabilityRequest
    );
    let c = r.capability_list.unwrap();
    assert_eq!(c.client_type, ClientType::Computer);
    let [Node::Element(ext)] = c.extra.as_slice() else {
        panic!("{:?}", c.extra)
    };
    assert_eq!(ext.name.as_xml(), "ColibriaExtensions");
    assert_eq!(ext.text(), Some("T"));
}

#[test]
fn logout_disconnect_keepalive() {
    get!(lib("013"), LogoutRequest);
    get!(movistar("23-Logout-Request.xml"), LogoutRequest);
    let d = get!(lib("015"), Disconnect);
    assert_eq!(d.result.code, StatusCode::ForcedLogout);
    let k = get!(lib("016"), KeepAliveRequest);
    assert_eq!(k.time_to_live, Some(20));
    let k = get!(lib("017"), KeepAliveResponse);
    assert_eq!(
        (k.result.code, k.keep_alive_time),
        (StatusCode::Successful, Some(120))
    );
}

#[test]
fn get_sp_info() {
    let r = get!(lib("018"), GetSpInfoRequest);
    assert_eq!(r.client_id.unwrap().url.as_deref(), Some(URL));
    let r = get!(lib("019"), GetSpInfoResponse);
    assert_eq!(r.name, "Fake Chocholate Co.");
    let logo = r.logo.unwrap();
    assert_eq!(logo.content_type, "application/vnd.wap.mms-message");
    assert_eq!(logo.content_size, Some(1234));
    assert_eq!(logo.content_encoding, Some(Encoding::Base64));
    assert_eq!(logo.content_data.as_text(), Some("Base64EncodedDataHere"));
    assert_eq!(r.url.as_deref(), Some("http://www.fake-chocholate.co.uk"));
}

#[test]
fn search_request_response_stop() {
    let r = get!(lib("020"), SearchRequest);
    assert_eq!(r.pairs[0].element, SearchElement::UserLastName);
    assert_eq!(r.pairs[0].string, "Smith");
    assert_eq!(r.pairs[1].element, SearchElement::UserOnlineStatus);
    assert_eq!(r.limit, Some(5));
    let r = get!(lib("022"), SearchRequest);
    assert_eq!(
        (r.search_id, r.index),
        (Some(595_760_001), Some(6)),
        "0x23829381"
    );
    let r = get!(lib("021"), SearchResponse);
    assert_eq!((r.findings, r.completed, r.index), (7, false, 5));
    assert_eq!(
        r.result.unwrap().users.unwrap().users[4].user_id,
        "wv:john@smith.com"
    );
    let r = get!(movistar("11-Search-Request.xml"), SearchRequest);
    assert_eq!(r.pairs[0].element, SearchElement::UserMobileNumber);
    let r = get!(lib("024"), StopSearchRequest);
    assert_eq!(r.search_id, 595_760_001);
}

#[test]
fn invitations() {
    let r = get!(lib("026"), InviteRequest);
    assert_eq!(r.invite_id, "0x38382025");
    assert_eq!(r.invite_type, InviteType::Group);
    assert_eq!(r.recipient.users.len(), 2);
    let sn = r.recipient.groups[0].screen_name.as_ref().unwrap();
    assert_eq!(
        (sn.sname.as_str(), sn.group_id.as_str()),
        ("Johnny", "wv:john/partygroup@there.com")
    );
    assert_eq!(r.validity, Some(600));
    let r = get!(lib("028"), InviteUserRequest);
    assert_eq!(r.sender.group.unwrap().screen_name.unwrap().sname, "WV");
    assert_eq!(r.note.as_deref(), Some("Come to party!"));
    let r = get!(lib("030"), InviteUserResponse);
    assert!(r.acceptance);
    assert_eq!(r.screen_name.unwrap().sname, "Johnny");
    let r = get!(lib("032"), InviteResponse);
    assert!(r.acceptance);
    assert_eq!(r.note.as_deref(), Some("OK, just a sec!"));
    let r = get!(lib("034"), CancelInviteRequest);
    assert_eq!(r.recipient.unwrap().users[1].user_id, "wv:she@there.com");
    assert_eq!(r.note.as_deref(), Some("Time is up!"));
    let r = get!(lib("036"), CancelInviteUserRequest);
    assert_eq!(r.invite_id, "0x38382025");
    assert!(r.sender.group.is_some());
}

#[test]
fn presence_subscription_and_delivery() {
    let r = get!(lib("038"), SubscribePresenceRequest);
    assert_eq!(r.contact_lists, ["wv:john/ContactList-5@smith.com"]);
    let p = r.presence.unwrap();
    assert_eq!(
        p.xmlns.as_deref(),
        Some("http://www.wireless-village.org/PA1.1")
    );
    assert_eq!(p.attributes.len(), 17);
    let r = get!(
        movistar("08-SubscribePresence-Request.xml"),
        SubscribePresenceRequest
    );
    assert_eq!(r.auto_subscribe, Some(true));
    let r = get!(lib("040"), PresenceNotificationRequest);
    assert_eq!(r.presences[0].user_id.as_deref(), Some("wv:he@there.com"));
    assert_eq!(r.presences[0].sub_lists[0].attributes.len(), 17);
    let r = get!(lib("042"), UnsubscribePresenceRequest);
    assert_eq!(r.contact_lists.len(), 1);
    let r = get!(
        movistar("20-UnsubscribePresence-Request.xml"),
        UnsubscribePresenceRequest
    );
    assert_eq!(r.users[0].user_id, "600000001");
    let r = get!(lib("046"), GetPresenceRequest);
    assert_eq!(r.users.len(), 2);
    assert!(r.presence.is_some());
    let r = get!(lib("047"), GetPresenceResponse);
    assert_eq!(r.result.code, StatusCode::Successful);
    assert_eq!(r.presences.len(), 2);
    assert_eq!(r.presences[1].user_id.as_deref(), Some("wv:she@there.com"));
    let r = get!(lib("054"), UpdatePresenceRequest);
    assert_eq!(r.presence.attributes[0].name().as_xml(), "StatusText");
}

#[test]
fn watchers_and_authorisation() {
    let r = get!(lib("044"), GetWatcherListRequest);
    assert_eq!(r, GetWatcherListRequest::default());
    let r = get!(lib("045"), GetWatcherListResponse);
    assert_eq!(r.users[1].user_id, "wv:she@there.com");
    let r = get!(lib("048"), PresenceAuthRequest);
    assert_eq!(r.user_id, "wv:matthias@salamander.com");
    let r = get!(lib("050"), PresenceAuthUser);
    assert!(r.acceptance);
    let r = get!(movistar("17-PresenceAuth-User.xml"), PresenceAuthUser);
    assert_eq!(r.user_id, "wv:600000001@movistar.es");
    let r = get!(lib("052"), CancelAuthRequest);
    assert_eq!(r.user_id, "wv:matthias@salamander.com");
}

#[test]
fn messaging() {
    let r = get!(lib("056"), SendMessageRequest);
    assert_eq!(r.delivery_report, Some(true));
    let i = &r.info;
    assert_eq!(i.content_type.as_deref(), Some("text/plain"));
    assert_eq!(i.content_encoding, Some(Encoding::None));
    assert_eq!(i.content_size, 58);
    assert_eq!(i.recipient.users[0].user_id, "wv:he@there.com");
    assert_eq!(i.recipient.contact_lists, ["wv:john/My_friends@smith.com"]);
    assert_eq!(i.sender.user.as_ref().unwrap().user_id, "wv:john@smith.com");
    let dt = DateTime::new(2001, 9, 25, 13, 40, 0, Zone::UTC).unwrap();
    assert_eq!(i.date_time, Some(Timestamp::DateTime(dt)));
    assert_eq!(i.validity, Some(600));
    assert_eq!(
        r.content.unwrap().as_text(),
        Some("Hurry up; they are ringing the bells in the WV already...")
    );
    let r = get!(android("parser/sendmsgreq1.xml"), SendMessageRequest);
    assert_eq!(r.content.unwrap().as_text(), Some("Today \u{a0}Today"));
    let r = get!(lib("057"), SendMessageResponse);
    assert_eq!(r.result.code, StatusCode::Successful);
    let r = get!(lib("058"), SetDeliveryMethodRequest);
    assert_eq!(r.method, DeliveryMethod::Push);
    assert_eq!(r.accepted_content_length, Some(2048));
    let r = get!(lib("060"), GetMessageListRequest);
    assert_eq!(r.message_count, Some(5));
    let r = get!(lib("061"), GetMessageListResponse);
    assert_eq!(r.messages.len(), 2);
    assert_eq!(r.messages[1].message_id.as_deref(), Some("0x0000f133"));
    let r = get!(lib("062"), RejectMessageRequest);
    assert_eq!(r.message_ids, ["0x0000f132"]);
    let r = get!(lib("064"), MessageNotification);
    assert_eq!(r.info.content_size, 189);
    let r = get!(lib("066"), GetMessageRequest);
    assert_eq!(r.message_id, "0x0000f132");
    let r = get!(lib("067"), GetMessageResponse);
    assert_eq!(
        r.content.unwrap().as_text(),
        Some("Hi guys, just arrived... How is it going?")
    );
    let r = get!(lib("068"), MessageDelivered);
    assert_eq!(r.message_id, "0x0000f132");
    let r = get!(lib("070"), NewMessage);
    assert_eq!(
        r.info.sender.group.unwrap().screen_name.unwrap().sname,
        "Wicked Vicky"
    );
    let r = get!(lib("072"), DeliveryReportRequest);
    assert_eq!(r.result.code, StatusCode::Successful);
    let dt = DateTime::new(2001, 9, 25, 13, 41, 0, Zone::UTC).unwrap();
    assert_eq!(r.delivery_time, Some(Timestamp::DateTime(dt)));
    let r = get!(lib("074"), ForwardMessageRequest);
    assert_eq!(
        r.recipient.groups[0].screen_name.as_ref().unwrap().sname,
        "B. Billy"
    );
}

#[test]
fn date_time_shapes() {
    let expect = [
        ("106", "20010925T134000"),
        ("107", "20010925T134013"),
        ("108", "20010925T134000Z"),
        ("109", "20010925T134013Z"),
        ("110", "20010925T134013Z"),
        ("111", "20010925T134013A"),
        ("112", "2001-09-25T13:40:13+01:00"),
        ("113", "2001-09-25T13:40:13+0100"),
        ("114", "2001-09-25T13:40:13+01"),
        ("115", "2001-09-25T13:40:13+1"),
        ("116", "2001-09-25T13:40:13-05:00"),
    ];
    for (n, text) in expect {
        let r = get!(lib(&format!("{n}-datetime")), MessageNotification);
        assert_eq!(r.info.date_time.unwrap().to_string(), text, "wv-{n}");
    }
}

#[test]
fn access_lists() {
    get!(lib("076"), GetBlockedListRequest);
    let r = get!(lib("077"), GetBlockedListResponse);
    let b = r.block_list.unwrap();
    assert_eq!(b.in_use, Some(BoolText::False));
    let e = b.entities.unwrap();
    assert_eq!(e.user_ids.len(), 2);
    assert_eq!(e.screen_names[0].sname, "Billyboy");
    assert_eq!(e.group_ids, ["wv:/boringlist@server.com"]);
    assert_eq!(r.grant_list.unwrap().in_use, Some(BoolText::True));
    // wv-078 uses the 1.2 name in a 1.1 document; an empty InUse is kept.
    let msg = lib("078");
    let r = get!(msg.clone(), BlockEntityRequest);
    let b = r.block_list.unwrap();
    assert_eq!(b.add.as_deref(), Some(&EntityList::default()));
    assert_eq!(b.remove.unwrap().user_ids, ["wv:matthias@salamander.com"]);
    let g = r.grant_list.unwrap();
    assert_eq!(g.in_use, Some(BoolText::Unknown(String::new())));
    // Written back as CSP 1.1, it is BlockUser-Request.
    assert!(String::from_utf8(to_xml(&msg))
        .unwrap()
        .contains("<BlockUser-Request>"));
}

#[test]
fn contact_lists() {
    get!(lib("080"), GetListRequest);
    let r = get!(lib("081"), GetListResponse);
    assert_eq!(r.contact_lists.len(), 4);
    assert_eq!(
        r.default_contact_list.as_deref(),
        Some("wv:john/My_enemies@smith.com")
    );
    let r = get!(lib("082"), CreateListRequest);
    let NickEntry::NickName(n) = &r.nick_list.unwrap().entries[1] else {
        panic!()
    };
    assert_eq!(
        (n.name.as_str(), n.user_id.as_str()),
        ("Randall the Vandal", "wv:randall@fairlane.com")
    );
    let props = r.properties.unwrap().properties;
    assert_eq!(props[0], Property::new("DisplayName", "My friends"));
    let r = get!(lib("084"), DeleteListRequest);
    assert_eq!(r.contact_list, "wv:john/My_enemies@smith.com");
    let r = get!(lib("088"), ListManageRequest);
    assert_eq!(r.add.unwrap().entries.len(), 2);
    let r = get!(lib("090"), ListManageRequest);
    assert_eq!(r.remove.unwrap().user_ids.len(), 2);
    let r = get!(movistar("13-ListManage-Request.xml"), ListManageRequest);
    assert_eq!(r.receive_list, Some(true));
    let r = get!(lib("087"), ListManageResponse);
    assert_eq!(r.nick_list.unwrap().entries.len(), 4);
    let r = get!(lib("091"), ListManageResponse);
    assert_eq!(r.nick_list, Some(NickList::default()));
}

#[test]
fn attribute_lists() {
    let r = get!(lib("094"), CreateAttributeListRequest);
    assert_eq!(r.presence.attributes.len(), 2);
    assert_eq!(r.user_ids.len(), 2);
    assert_eq!(r.contact_lists.len(), 2);
    assert!(r.default_list);
    let r = get!(lib("096"), DeleteAttributeListRequest);
    assert_eq!(r.user_ids[0], "somebody@nowhere.com");
    let r = get!(
        movistar("21-DeleteAttributeList-Request.xml"),
        DeleteAttributeListRequest
    );
    assert!(!r.default_list);
    let r = get!(lib("098"), GetAttributeListRequest);
    assert!(r.default_list);
    let r = get!(lib("099"), GetAttributeListResponse);
    assert_eq!(
        r.default_attribute_list.unwrap().sub_lists[0]
            .attributes
            .len(),
        2
    );
    assert_eq!(r.presences.len(), 4);
    assert_eq!(
        r.presences[2].contact_list.as_deref(),
        Some("wv:john/My_friends@smith.com")
    );
}

#[test]
fn groups_from_vectors() {
    let r = get!(lib("100"), CreateGroupRequest);
    assert_eq!(r.group_id, "wv:john/partygroup@there.com");
    assert_eq!(r.properties.properties.len(), 6);
    let note = r.properties.welcome_note.unwrap();
    assert_eq!(
        note.content_data.as_text(),
        Some("Welcome to WV's party house")
    );
    assert!(r.join_group && r.subscribe_notification);
    assert_eq!(r.screen_name.unwrap().sname, "Jonhhie");
    let r = get!(lib("102"), DeleteGroupRequest);
    assert_eq!(r.group_id, "wv:john/partygroup@there.com");
    let r = get!(lib("104"), JoinGroupRequest);
    assert_eq!(
        (r.joined_request, r.subscribe_notification),
        (Some(true), Some(true))
    );
    let r = get!(lib("105"), JoinGroupResponse);
    assert_eq!(r.user_list.unwrap().screen_names.len(), 5);
    assert!(r.welcome_note.is_some());
}
