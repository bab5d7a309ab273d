//! One test per PA 1.2 attribute: a realistic value decodes, strictly, into
//! the expected fields from XML and from WBXML written from the spec token
//! tables, both give the same model, and the model re-encodes to XML and
//! WBXML that decode to it again.

use imps_event::CspVersion;
use imps_model::presence::*;
use imps_model::{ContentData, DecodeOptions};

use crate::util::*;

/// Decodes `<PresenceSubList xmlns=PA 1.2>{inner}</PresenceSubList>` from
/// XML and from spec-table WBXML (strictly: nothing may stay generic),
/// checks both agree and survive our writers, and returns the model.
fn both_ns(ns: &str, inner: &str) -> PresenceSubList {
    let xml = format!(r#"<PresenceSubList xmlns="{ns}">{inner}</PresenceSubList>"#);
    let strict = DecodeOptions::strict();
    let a = doc_from_xml(xml.as_bytes(), &strict).unwrap_or_else(|e| panic!("XML: {e}\n{xml}"));
    let wbxml = SpecTables::load().encode(&xml_events(xml.as_bytes()));
    let b = doc_from_wbxml(&wbxml, &strict).unwrap_or_else(|e| panic!("WBXML: {e}\n{wbxml:02X?}"));
    assert_eq!(
        a, b,
        "XML and WBXML decode differently:\n{xml}\n{wbxml:02X?}"
    );
    assert_eq!(a.xmlns.as_deref(), Some(ns));
    let x = doc_to_xml(&a);
    assert_eq!(
        doc_from_xml(&x, &strict).unwrap(),
        a,
        "{}",
        String::from_utf8_lossy(&x)
    );
    assert_eq!(doc_from_wbxml(&doc_to_wbxml(&a), &strict).unwrap(), a);
    assert_eq!(doc_via_events(&a), a);
    a
}

fn both(inner: &str) -> PresenceSubList {
    both_ns(PA12, inner)
}

/// The single attribute of model `T` in `list`.
fn only<T: PresenceAttribute + std::fmt::Debug + Clone>(list: &PresenceSubList) -> T {
    assert_eq!(list.attributes.len(), 1, "{list:?}");
    let a = list
        .get::<T>()
        .unwrap_or_else(|| panic!("{list:?}"))
        .clone();
    assert!(!a.is_selector());
    a
}

#[test]
fn online_status() {
    let a: OnlineStatus = only(&both(
        "<OnlineStatus><Qualifier>T</Qualifier><PresenceValue>T</PresenceValue></OnlineStatus>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.value.as_ref().and_then(Boolean::as_bool), Some(true));
    assert!(a.extra.is_empty());
}

#[test]
fn online_status_with_a_qualifier_only() {
    // What the Movistar client publishes (omf-sms20-movistar/03).
    let a: OnlineStatus = only(&both(
        "<OnlineStatus><Qualifier>T</Qualifier></OnlineStatus>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.value, None);
}

#[test]
fn registration() {
    let a: Registration = only(&both(
        "<Registration><Qualifier>T</Qualifier><PresenceValue>F</PresenceValue></Registration>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.value, Some(Boolean::False));
}

#[test]
fn client_info() {
    let a: ClientInfo = only(&both(
        "<ClientInfo><Qualifier>T</Qualifier><ClientType>MOBILE_PHONE</ClientType>\
         <DevManufacturer>Nokia</DevManufacturer><ClientProducer>Nokia IMPS team</ClientProducer>\
         <Model>6630</Model><ClientVersion>3.0.1</ClientVersion><Language>fin</Language></ClientInfo>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.client_type, Some(ClientType::MobilePhone));
    assert_eq!(a.dev_manufacturer.as_deref(), Some("Nokia"));
    assert_eq!(a.client_producer.as_deref(), Some("Nokia IMPS team"));
    assert_eq!(a.model.as_deref(), Some("6630"));
    assert_eq!(a.client_version.as_deref(), Some("3.0.1"));
    assert_eq!(a.language.as_deref(), Some("fin"));
}

#[test]
fn time_zone() {
    let a: TimeZone = only(&both(
        "<TimeZone><Qualifier>T</Qualifier><Zone>+02</Zone></TimeZone>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.zone.as_deref(), Some("+02"));
}

#[test]
fn geo_location() {
    let a: GeoLocation = only(&both(
        "<GeoLocation><Qualifier>T</Qualifier><Longitude>35 24 15.652W</Longitude>\
         <Latitude>12 36 22.5N</Latitude><Altitude>120</Altitude><Accuracy>200</Accuracy></GeoLocation>",
    ));
    assert_eq!(a.longitude.as_deref(), Some("35 24 15.652W"));
    assert_eq!(a.latitude.as_deref(), Some("12 36 22.5N"));
    assert_eq!(a.altitude.as_deref(), Some("120"));
    assert_eq!(a.accuracy.as_deref(), Some("200"));
}

#[test]
fn address() {
    let a: Address = only(&both(
        "<Address><Qualifier>T</Qualifier><Country>FI</Country><City>Helsinki</City>\
         <Street>Mannerheimintie 1</Street><Crossing1>Kaivokatu</Crossing1>\
         <Crossing2>Simonkatu</Crossing2><Building>Sokos</Building>\
         <NamedArea>Kluuvi</NamedArea><Accuracy>50</Accuracy></Address>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.country.as_deref(), Some("FI"));
    assert_eq!(a.city.as_deref(), Some("Helsinki"));
    assert_eq!(a.street.as_deref(), Some("Mannerheimintie 1"));
    assert_eq!(a.crossing1.as_deref(), Some("Kaivokatu"));
    assert_eq!(a.crossing2.as_deref(), Some("Simonkatu"));
    assert_eq!(a.building.as_deref(), Some("Sokos"));
    assert_eq!(a.named_area.as_deref(), Some("Kluuvi"));
    assert_eq!(a.accuracy.as_deref(), Some("50"));
}

#[test]
fn free_text_location() {
    let a: FreeTextLocation = only(&both(
        "<FreeTextLocation><Qualifier>T</Qualifier><PresenceValue>At home</PresenceValue></FreeTextLocation>",
    ));
    assert_eq!(a.value.as_deref(), Some("At home"));
}

#[test]
fn plmn() {
    let a: Plmn = only(&both(
        "<PLMN><Qualifier>T</Qualifier><PresenceValue>Sonera</PresenceValue></PLMN>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.value.as_deref(), Some("Sonera"));
}

#[test]
fn comm_cap() {
    let a: CommCap = only(&both(
        "<CommCap><Qualifier>T</Qualifier>\
         <CommC><Cap>CALL</Cap><Status>OPEN</Status><Contact>+35804123123</Contact>\
         <Note>I am using this phone during office hours</Note></CommC>\
         <CommC><Cap>IM</Cap><Status>CLOSED</Status></CommC>\
         <CommC><Cap>VIDEO_CALL</Cap><Status>OPEN</Status><Contact>+35804123123</Contact></CommC>\
         </CommCap>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    let caps: Vec<_> = a
        .comm_cs
        .iter()
        .map(|c| (c.cap.clone(), c.status.clone()))
        .collect();
    assert_eq!(
        caps,
        [
            (Cap::Call, CommStatus::Open),
            (Cap::Im, CommStatus::Closed),
            (Cap::VideoCall, CommStatus::Open)
        ]
    );
    assert_eq!(a.comm_cs[0].contact.as_deref(), Some("+35804123123"));
    assert_eq!(
        a.comm_cs[0].note.as_deref(),
        Some("I am using this phone during office hours")
    );
    assert_eq!(a.comm_cs[1].contact, None);
}

#[test]
fn user_availability() {
    let a: UserAvailability = only(&both(
        "<UserAvailability><Qualifier>T</Qualifier><PresenceValue>DISCREET</PresenceValue></UserAvailability>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.value, Some(Availability::Discreet));
}

#[test]
fn preferred_contacts() {
    let a: PreferredContacts = only(&both(
        "<PreferredContacts><Qualifier>T</Qualifier>\
         <AddrPref><PrefC>CALL</PrefC><Caddr>+35804123123</Caddr><Cstatus>OPEN</Cstatus>\
         <Cname>Home Phone</Cname><Cpriority>10</Cpriority></AddrPref>\
         <AddrPref><PrefC>EMAIL</PrefC><Caddr>he@there.com</Caddr><Cstatus>CLOSED</Cstatus></AddrPref>\
         </PreferredContacts>",
    ));
    assert_eq!(a.addr_prefs.len(), 2);
    let p = &a.addr_prefs[0];
    assert_eq!(p.pref_c, Cap::Call);
    assert_eq!(p.caddr, "+35804123123");
    assert_eq!(p.cstatus, CommStatus::Open);
    assert_eq!(p.cname.as_deref(), Some("Home Phone"));
    assert_eq!(p.priority(), Some(10));
    let p = &a.addr_prefs[1];
    assert_eq!(
        (p.pref_c.clone(), p.cstatus.clone()),
        (Cap::Email, CommStatus::Closed)
    );
    assert_eq!((p.cname.as_deref(), p.priority()), (None, None));
}

#[test]
fn nokia_cname_spelling_is_accepted_and_written_cname() {
    let xml = format!(
        r#"<PresenceSubList xmlns="{PA12}"><PreferredContacts><Qualifier>T</Qualifier><AddrPref><PrefC>SMS</PrefC><Caddr>+358401</Caddr><Cstatus>OPEN</Cstatus><CName>Work</CName></AddrPref></PreferredContacts></PresenceSubList>"#
    );
    let list = doc_from_xml(xml.as_bytes(), &DecodeOptions::strict()).unwrap();
    let a: &PreferredContacts = list.get().unwrap();
    assert_eq!(a.addr_prefs[0].cname.as_deref(), Some("Work"));
    let out = String::from_utf8(doc_to_xml(&list)).unwrap();
    assert!(out.contains("<Cname>Work</Cname>"), "{out}");
}

#[test]
fn preferred_language() {
    let a: PreferredLanguage = only(&both(
        "<PreferredLanguage><Qualifier>T</Qualifier><PresenceValue>fin</PresenceValue></PreferredLanguage>",
    ));
    assert_eq!(a.value.as_deref(), Some("fin"));
}

#[test]
fn status_text() {
    let a: StatusText = only(&both(
        "<StatusText><Qualifier>T</Qualifier><PresenceValue>Äänestämässä &amp; back at 5 € &lt;3</PresenceValue></StatusText>",
    ));
    assert_eq!(a.value.as_deref(), Some("Äänestämässä & back at 5 € <3"));
}

#[test]
fn status_mood() {
    let a: StatusMood = only(&both(
        "<StatusMood><Qualifier>T</Qualifier><PresenceValue>IN_LOVE</PresenceValue></StatusMood>",
    ));
    assert_eq!(a.value, Some(Mood::InLove));
}

#[test]
fn alias() {
    let a: Alias = only(&both(
        "<Alias><Qualifier>T</Qualifier><PresenceValue>Nick</PresenceValue></Alias>",
    ));
    assert_eq!(a.qualifier, Some(Boolean::True));
    assert_eq!(a.value.as_deref(), Some("Nick"));
}

#[test]
fn status_content_direct() {
    let a: StatusContent = only(&both(
        "<StatusContent><Qualifier>T</Qualifier><DirectContent>R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=</DirectContent>\
         <ContentType>image/gif</ContentType></StatusContent>",
    ));
    assert_eq!(
        a.direct_content,
        Some(ContentData::Text(
            "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=".into()
        ))
    );
    assert_eq!(a.content_type.as_deref(), Some("image/gif"));
    assert_eq!(a.referred_content, None);
}

#[test]
fn status_content_referred() {
    let a: StatusContent = only(&both(
        "<StatusContent><Qualifier>T</Qualifier><ReferredContent>http://www.foo.com/MyLogo</ReferredContent>\
         <ContentType>image/jpeg</ContentType></StatusContent>",
    ));
    assert_eq!(
        a.referred_content.as_deref(),
        Some("http://www.foo.com/MyLogo")
    );
    assert_eq!(a.content_type.as_deref(), Some("image/jpeg"));
    assert_eq!(a.direct_content, None);
}

#[test]
fn contact_info() {
    let a: ContactInfo = only(&both(
        "<ContactInfo><Qualifier>T</Qualifier><ContainedvCard>BEGIN:VCARD\nVERSION:2.1\nN:Smith;John\nTEL;CELL:+35804123123\nEND:VCARD</ContainedvCard></ContactInfo>",
    ));
    assert_eq!(
        a.contained_vcard.as_ref().and_then(ContentData::as_text),
        Some("BEGIN:VCARD\nVERSION:2.1\nN:Smith;John\nTEL;CELL:+35804123123\nEND:VCARD")
    );
    let b: ContactInfo = only(&both(
        "<ContactInfo><Qualifier>T</Qualifier><ReferredvCard>http://www.foo.com/MyCard</ReferredvCard></ContactInfo>",
    ));
    assert_eq!(
        b.referred_vcard.as_deref(),
        Some("http://www.foo.com/MyCard")
    );
}

#[test]
fn info_link() {
    let a: InfoLink = only(&both(
        "<InfoLink><Qualifier>T</Qualifier>\
         <Inf_link><Link>http://example.com/~he/</Link><Text>My home page</Text><ContentType>text/html</ContentType></Inf_link>\
         <Inf_link><Link>http://example.com/he.jpg</Link></Inf_link></InfoLink>",
    ));
    assert_eq!(a.links.len(), 2);
    assert_eq!(a.links[0].link, "http://example.com/~he/");
    assert_eq!(a.links[0].text.as_deref(), Some("My home page"));
    assert_eq!(a.links[0].content_type.as_deref(), Some("text/html"));
    assert_eq!(a.links[1].link, "http://example.com/he.jpg");
    assert_eq!(
        (a.links[1].text.as_ref(), a.links[1].content_type.as_ref()),
        (None, None)
    );
}

#[test]
fn every_attribute_as_a_selector() {
    let inner: String = Attribute::TAGS
        .iter()
        .map(|t| format!("<{}/>", t.name()))
        .collect();
    let list = both(&inner);
    assert_eq!(
        list,
        PresenceSubList::selectors(CspVersion::V1_2, Attribute::TAGS.iter().copied())
    );
    assert!(list.is_selector_list());
    assert_eq!(list.attributes.len(), 18);
    let names: Vec<_> = list.names().map(|n| n.tag().unwrap()).collect();
    assert_eq!(names, Attribute::TAGS);
    // Encoded as empty elements again.
    let xml = String::from_utf8(doc_to_xml(&list)).unwrap();
    assert!(xml.contains("<OnlineStatus/><Registration/>"), "{xml}");
}

#[test]
fn a_lone_qualifier_is_a_value_not_a_selector() {
    let list = both("<StatusText><Qualifier>F</Qualifier></StatusText><Alias/>");
    assert!(!list.attributes[0].is_selector());
    assert_eq!(list.attributes[0].qualifier(), Some(&Boolean::False));
    assert!(list.attributes[1].is_selector());
    assert!(!list.is_selector_list());
}

#[test]
fn every_attribute_in_the_pa_1_1_namespace() {
    // PA 1.1 has the same attributes but InfoLink; WBXML names the namespace
    // with attribute-start token 0x06.
    let inner: String = Attribute::TAGS[..17]
        .iter()
        .map(|t| format!("<{}/>", t.name()))
        .collect();
    let list = both_ns(PA11, &inner);
    assert_eq!(list.version(), Some(CspVersion::V1_1));
    assert_eq!(list.attributes.len(), 17);
    let wb = doc_to_wbxml(&list);
    assert_eq!(&wb[..2], [0x03, 0x10], "CSP 1.1 public id");
    let attr = [&[0x06, 0x03][..], b"1.1\0"].concat();
    assert!(wb.windows(attr.len()).any(|w| w == attr), "{wb:02X?}");
}

#[test]
fn our_wbxml_uses_the_page_5_and_presence_value_tokens_of_the_spec() {
    // UserAvailability = page 5 token 0x2E, DISCREET = value token 0x64;
    // StatusMood 0x2A, SLEEPY 0x74; CommC 0x11, Cap 0x2F, VIDEO_STREAM 0x77.
    let list = both(
        "<UserAvailability><Qualifier>T</Qualifier><PresenceValue>DISCREET</PresenceValue></UserAvailability>\
         <StatusMood><Qualifier>T</Qualifier><PresenceValue>SLEEPY</PresenceValue></StatusMood>\
         <CommCap><Qualifier>T</Qualifier><CommC><Cap>VIDEO_STREAM</Cap><Status>OPEN</Status></CommC></CommCap>",
    );
    let wb = doc_to_wbxml(&list);
    let has = |needle: &[u8]| wb.windows(needle.len()).any(|w| w == needle);
    assert!(
        has(&[0x00, 0x05, 0x6E]),
        "switch to page 5, UserAvailability with content: {wb:02X?}"
    );
    assert!(has(&[0x80, 0x64]), "DISCREET as EXT_T_0 0x64: {wb:02X?}");
    assert!(has(&[0x80, 0x74]), "SLEEPY as EXT_T_0 0x74: {wb:02X?}");
    assert!(
        has(&[0x6F, 0x80, 0x77, 0x01]),
        "Cap VIDEO_STREAM: {wb:02X?}"
    );
}
