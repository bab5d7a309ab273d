//! Every presence-carrying public vector decodes into typed attributes,
//! with the values the documents hold; XML → model equals WBXML → model for
//! libwbxml's encodings.

use std::collections::BTreeSet;

use imps_event::{CspVersion, Tag};
use imps_model::presence::*;
use imps_model::{ContentData, DecodeOptions, Message, Primitive};

use crate::util::*;

/// Where a list keeps something generic: `extra` of an attribute (with
/// the element names) or an unknown attribute.
fn generic_parts(list: &PresenceSubList) -> Vec<String> {
    let mut out = Vec::new();
    for a in &list.attributes {
        let name = a.name().as_xml().into_owned();
        let extra: Vec<&imps_model::Node> = match a {
            Attribute::Unknown(_) => {
                out.push(format!("unknown attribute {name}"));
                continue;
            }
            Attribute::ClientInfo(x) => x.extra.iter().collect(),
            Attribute::StatusContent(x) => x.extra.iter().collect(),
            Attribute::ContactInfo(x) => x.extra.iter().collect(),
            other => {
                // Every other model: through JSON, any `extra` key.
                let json = serde_json::to_string(other).unwrap();
                assert!(!json.contains("\"extra\""), "{name}: {json}");
                continue;
            }
        };
        for n in extra {
            match n {
                imps_model::Node::Element(el) => out.push(format!("{name}/{}", el.name.as_xml())),
                other => out.push(format!("{name}/{other:?}")),
            }
        }
    }
    out
}

/// The XML vectors that carry a `PresenceSubList`, found by grepping.
fn presence_xml_vectors() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for dir in [
        "libwbxml-wv-csp11",
        "omf-sms20-movistar",
        "olympum-blog-nokia-s60",
    ] {
        for f in files(dir, "xml") {
            if String::from_utf8_lossy(&read(&f)).contains("<PresenceSubList") {
                out.insert(f.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out
}

#[test]
fn the_pa_samples_index_lists_every_presence_vector() {
    let index = std::fs::read_to_string(crate_dir().join("spec/pa/pa-samples-index.tsv")).unwrap();
    let mut listed = BTreeSet::new();
    for line in index.lines().skip(1) {
        for f in line.split('\t').next().unwrap().split(", ") {
            listed.insert(f.to_owned());
        }
    }
    assert_eq!(listed, presence_xml_vectors());
    assert_eq!(listed.len(), 13);
}

fn decode_vector(path: &std::path::Path) -> (Message, Vec<PresenceSubList>) {
    let bytes = read(path);
    let name = path.display();
    let msg =
        msg_from_xml(&bytes, &DecodeOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let lists = sub_lists(&msg, &DecodeOptions::default()).unwrap();
    let count = String::from_utf8_lossy(&bytes)
        .matches("<PresenceSubList")
        .count();
    assert_eq!(lists.len(), count, "{name}");
    (msg, lists)
}

#[test]
fn every_presence_vector_decodes_into_typed_attributes() {
    let mut total = 0;
    for file in presence_xml_vectors() {
        let dir = if file.starts_with("wv-") {
            "libwbxml-wv-csp11"
        } else {
            "omf-sms20-movistar"
        };
        let (msg, lists) = decode_vector(&vectors().join(dir).join(&file));
        let mut generic = Vec::new();
        for list in &lists {
            assert!(!list.attributes.is_empty(), "{file}");
            assert!(list.extra.is_empty(), "{file}");
            generic.extend(generic_parts(list));
            // Each list round-trips on its own through both syntaxes.
            assert_eq!(
                doc_from_xml(&doc_to_xml(list), &DecodeOptions::default()).unwrap(),
                *list
            );
            assert_eq!(
                doc_from_wbxml(&doc_to_wbxml(list), &DecodeOptions::default()).unwrap(),
                *list
            );
            total += list.attributes.len();
        }
        // What the vectors' READMEs / the PA README say is not PA 1.2.
        let expected: &[&str] = match file.as_str() {
            "03-UpdatePresence-Request.xml" => &["ClientInfo/ClientTypeDetail"],
            _ => &[],
        };
        assert_eq!(generic, expected, "{file}");
        // The whole message round-trips through both codecs.
        assert_eq!(
            msg_from_xml(&msg_to_xml(&msg), &DecodeOptions::default()).unwrap(),
            msg,
            "{file}"
        );
        assert_eq!(
            msg_from_wbxml(&msg_to_wbxml(&msg), &DecodeOptions::default()).unwrap(),
            msg,
            "{file}"
        );
    }
    assert!(total > 150, "{total}");
}

#[test]
fn libwbxml_wbxml_of_the_presence_vectors_decodes_to_the_same_attributes() {
    for file in presence_xml_vectors()
        .iter()
        .filter(|f| f.starts_with("wv-"))
    {
        let stem = file.trim_end_matches(".xml");
        let (_, from_xml) = decode_vector(&vectors().join("libwbxml-wv-csp11").join(file));
        let wb = read(
            &vectors()
                .join("wbxml-stream-wv")
                .join(format!("{stem}.wbxml")),
        );
        let msg = msg_from_wbxml(&wb, &DecodeOptions::default())
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
        assert_eq!(msg.version, CspVersion::V1_1);
        let from_wbxml = sub_lists(&msg, &DecodeOptions::default()).unwrap();
        assert_eq!(from_wbxml.len(), from_xml.len(), "{stem}");
        for (x, w) in from_xml.iter().zip(&from_wbxml) {
            assert_eq!(x.xmlns.as_deref(), Some(PA11), "{stem}");
            assert_eq!(w.xmlns, None, "{stem}: libwbxml drops xmlns");
            let x = PresenceSubList {
                xmlns: None,
                ..x.clone()
            };
            // libwbxml's xml2wbxml trims text.
            assert_eq!(trimmed(&x), *w, "{stem}");
        }
    }
}

/// The list with every string trimmed (through its JSON form).
fn trimmed(list: &PresenceSubList) -> PresenceSubList {
    fn trim(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::String(s) => Value::String(s.trim().to_owned()),
            Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, trim(v))).collect()),
            Value::Array(a) => Value::Array(a.into_iter().map(trim).collect()),
            other => other,
        }
    }
    serde_json::from_value(trim(serde_json::to_value(list).unwrap())).unwrap()
}

fn transaction(msg: &Message) -> &Primitive {
    &msg.session.transactions[0].content.primitive
}

fn libwbxml(stem: &str) -> Message {
    let (msg, _) = decode_vector(
        &vectors()
            .join("libwbxml-wv-csp11")
            .join(format!("{stem}.xml")),
    );
    msg
}

fn movistar(file: &str) -> Message {
    let (msg, _) = decode_vector(&vectors().join("omf-sms20-movistar").join(file));
    msg
}

#[test]
fn wv_040_presence_notification_holds_every_pa_1_1_attribute() {
    let msg = libwbxml("wv-040");
    let Primitive::PresenceNotificationRequest(r) = transaction(&msg) else {
        panic!()
    };
    let p = &r.presences[0];
    assert_eq!(p.user_id.as_deref(), Some("wv:he@there.com"));
    let l = &p.sub_lists[0];
    assert_eq!(l.xmlns.as_deref(), Some(PA11));
    assert_eq!(l.version(), Some(CspVersion::V1_1));
    let names: Vec<Tag> = l.names().map(|n| n.tag().unwrap()).collect();
    assert_eq!(
        names,
        &Attribute::TAGS[..17],
        "every PA 1.1 attribute, in DTD order"
    );
    for a in &l.attributes {
        assert_eq!(a.qualifier(), Some(&Boolean::True), "{a:?}");
    }
    assert_eq!(l.get::<OnlineStatus>().unwrap().value, Some(Boolean::True));
    assert_eq!(l.get::<Registration>().unwrap().value, Some(Boolean::True));
    let ci: &ClientInfo = l.get().unwrap();
    assert_eq!(ci.client_type, Some(ClientType::MobilePhone));
    assert_eq!(ci.dev_manufacturer.as_deref(), Some("ABC Company"));
    assert_eq!(ci.model.as_deref(), Some("xyz200"));
    assert_eq!(ci.language.as_deref(), Some("fin"));
    assert_eq!(ci.client_producer, None);
    assert_eq!(l.get::<TimeZone>().unwrap().zone.as_deref(), Some("+02"));
    let geo: &GeoLocation = l.get().unwrap();
    assert_eq!(geo.longitude.as_deref(), Some("35 24 15.652W"));
    assert_eq!(geo.latitude.as_deref(), Some("12 36 22.5N"));
    assert_eq!(geo.accuracy.as_deref(), Some("200"));
    let ad: &Address = l.get().unwrap();
    assert_eq!(
        (ad.country.as_deref(), ad.city.as_deref()),
        (Some("GB"), Some("London"))
    );
    assert_eq!(
        l.get::<FreeTextLocation>().unwrap().value.as_deref(),
        Some("At home")
    );
    assert_eq!(l.get::<Plmn>().unwrap().value.as_deref(), Some("Sonera"));
    let cc: &CommCap = l.get().unwrap();
    let caps: Vec<_> = cc
        .comm_cs
        .iter()
        .map(|c| (c.cap.clone(), c.status.clone()))
        .collect();
    assert_eq!(
        caps,
        [
            (Cap::Call, CommStatus::Open),
            (Cap::Call, CommStatus::Closed),
            (Cap::Im, CommStatus::Open)
        ]
    );
    assert_eq!(cc.comm_cs[1].contact.as_deref(), Some("+35805456456"));
    // Whitespace inside a value is kept as it came.
    assert_eq!(
        cc.comm_cs[1].note.as_deref().map(str::trim),
        Some("I am using this phone outside office hours")
    );
    assert_eq!(
        l.get::<UserAvailability>().unwrap().value,
        Some(Availability::Available)
    );
    let pc: &PreferredContacts = l.get().unwrap();
    let prefs: Vec<_> = pc
        .addr_prefs
        .iter()
        .map(|a| {
            (
                a.pref_c.clone(),
                a.cstatus.clone(),
                a.cname.as_deref().unwrap(),
                a.priority().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        prefs,
        [
            (Cap::Call, CommStatus::Open, "Home Phone", 10),
            (Cap::Sms, CommStatus::Open, "Home Messaging", 20),
            (Cap::Im, CommStatus::Closed, "Private IM", 30)
        ]
    );
    assert_eq!(
        l.get::<PreferredLanguage>().unwrap().value.as_deref(),
        Some("fin")
    );
    assert_eq!(
        l.get::<StatusText>()
            .unwrap()
            .value
            .as_deref()
            .map(str::trim),
        Some("Busy editing a document")
    );
    assert_eq!(l.get::<StatusMood>().unwrap().value, Some(Mood::Sleepy));
    assert_eq!(l.get::<Alias>().unwrap().value.as_deref(), Some("He"));
    // `PreferredContent` / `PreferredvCard`: libwbxml's and kXML2's names of
    // the ReferredContent / ReferredvCard tokens (imps-tokens aliases).
    let sc: &StatusContent = l.get().unwrap();
    assert_eq!(
        sc.referred_content.as_deref().map(str::trim),
        Some("http://www.foo.com/MyLogo")
    );
    assert!(sc.extra.is_empty() && sc.direct_content.is_none());
    let ci: &ContactInfo = l.get().unwrap();
    assert_eq!(
        ci.referred_vcard.as_deref().map(str::trim),
        Some("http://www.foo.com/MyCard")
    );
}

#[test]
fn wv_047_get_presence_response_holds_two_users() {
    let msg = libwbxml("wv-047");
    let Primitive::GetPresenceResponse(r) = transaction(&msg) else {
        panic!()
    };
    assert_eq!(r.presences.len(), 2);
    let he = &r.presences[0].sub_lists[0];
    let she = &r.presences[1].sub_lists[0];
    assert_eq!(he.get::<CommCap>().unwrap().comm_cs.len(), 4);
    assert_eq!(she.get::<CommCap>().unwrap().comm_cs.len(), 3);
    assert_eq!(she.get::<Alias>().unwrap().value.as_deref(), Some("She"));
    assert_eq!(
        she.get::<PreferredContacts>().unwrap().addr_prefs[0]
            .cname
            .as_deref(),
        Some("Business Phone")
    );
    let sc: &StatusContent = she.get().unwrap();
    assert_eq!(
        sc.direct_content,
        Some(ContentData::Text("BASE64EncodedDataHere".into()))
    );
    assert!(sc.extra.is_empty());
    let ci: &ContactInfo = she.get().unwrap();
    assert_eq!(
        ci.contained_vcard,
        Some(ContentData::Text("vCardDataHere".into()))
    );
}

#[test]
fn selector_lists_of_the_libwbxml_requests() {
    let full = &Attribute::TAGS[..17];
    for (stem, expect) in [("wv-038", full), ("wv-046", full), ("wv-048", full)] {
        let msg = libwbxml(stem);
        let list = match transaction(&msg) {
            Primitive::SubscribePresenceRequest(r) => r.presence.clone(),
            Primitive::GetPresenceRequest(r) => r.presence.clone(),
            Primitive::PresenceAuthRequest(r) => r.presence.clone(),
            other => panic!("{stem}: {other:?}"),
        }
        .unwrap();
        assert!(list.is_selector_list(), "{stem}");
        let names: Vec<Tag> = list.names().map(|n| n.tag().unwrap()).collect();
        assert_eq!(names, expect, "{stem}");
        assert_eq!(
            list,
            PresenceSubList::selectors(CspVersion::V1_1, expect.iter().copied())
        );
    }
    let ua_mood = [Tag::UserAvailability, Tag::StatusMood];
    let msg = libwbxml("wv-094");
    let Primitive::CreateAttributeListRequest(r) = transaction(&msg) else {
        panic!()
    };
    assert_eq!(
        r.presence,
        PresenceSubList::selectors(CspVersion::V1_1, ua_mood)
    );
    let msg = libwbxml("wv-099");
    let Primitive::GetAttributeListResponse(r) = transaction(&msg) else {
        panic!()
    };
    let lists = sub_lists(&msg, &DecodeOptions::default()).unwrap();
    assert_eq!(lists.len(), 5);
    assert_eq!(
        lists[0],
        PresenceSubList::selectors(CspVersion::V1_1, ua_mood)
    );
    assert_eq!(
        lists[1],
        PresenceSubList::selectors(
            CspVersion::V1_1,
            [
                Tag::OnlineStatus,
                Tag::UserAvailability,
                Tag::StatusText,
                Tag::StatusMood
            ]
        )
    );
    assert!(lists.iter().all(PresenceSubList::is_selector_list));
    let _ = r;
}

#[test]
fn wv_054_update_presence_sets_text_and_mood() {
    let msg = libwbxml("wv-054");
    let Primitive::UpdatePresenceRequest(r) = transaction(&msg) else {
        panic!()
    };
    let l = &r.presence;
    assert_eq!(l.attributes.len(), 2);
    assert_eq!(
        l.get::<StatusText>().unwrap().value.as_deref(),
        Some("on the way home")
    );
    assert_eq!(l.get::<StatusMood>().unwrap().value, Some(Mood::Happy));
}

#[test]
fn movistar_update_presence_with_a_vendor_element() {
    let msg = movistar("03-UpdatePresence-Request.xml");
    let Primitive::UpdatePresenceRequest(r) = transaction(&msg) else {
        panic!()
    };
    let l = &r.presence;
    assert_eq!(l.version(), Some(CspVersion::V1_2));
    let names: Vec<Tag> = l.names().map(|n| n.tag().unwrap()).collect();
    assert_eq!(
        names,
        [
            Tag::OnlineStatus,
            Tag::ClientInfo,
            Tag::CommCap,
            Tag::UserAvailability
        ]
    );
    let os: &OnlineStatus = l.get().unwrap();
    assert_eq!(
        (os.qualifier.clone(), os.value.clone()),
        (Some(Boolean::True), None)
    );
    let ci: &ClientInfo = l.get().unwrap();
    assert_eq!(ci.client_type, Some(ClientType::Computer));
    assert_eq!(ci.client_producer.as_deref(), Some("Colibria As"));
    assert_eq!(ci.model.as_deref(), Some("TELEFONICA Messenger"));
    assert_eq!(ci.client_version.as_deref(), Some("1.0.2309.16485"));
    let [imps_model::Node::Element(vendor)] = ci.extra.as_slice() else {
        panic!("{ci:?}")
    };
    assert_eq!(
        vendor.xmlns.as_deref(),
        Some("http://imps.colibria.com/PA-ext-1.2")
    );
    assert_eq!(vendor.text(), Some("PC"));
    let cc: &CommCap = l.get().unwrap();
    assert_eq!(cc.comm_cs.len(), 1);
    assert_eq!(
        (cc.comm_cs[0].cap.clone(), cc.comm_cs[0].status.clone()),
        (Cap::Im, CommStatus::Open)
    );
    assert_eq!(
        l.get::<UserAvailability>().unwrap().value,
        Some(Availability::Available)
    );
    // Re-encoded in the document's order, the vendor element where it was
    // kept (after the known ClientInfo children), byte for byte otherwise.
    let xml = String::from_utf8(msg_to_xml(&msg)).unwrap();
    assert!(
        xml.contains("<OnlineStatus><Qualifier>T</Qualifier></OnlineStatus><ClientInfo>"),
        "{xml}"
    );
}

#[test]
fn movistar_alias_and_selector_lists() {
    let msg = movistar("09-UpdatePresence-Request.xml");
    let Primitive::UpdatePresenceRequest(r) = transaction(&msg) else {
        panic!()
    };
    let alias: &Alias = r.presence.get().unwrap();
    assert_eq!(
        (alias.qualifier.clone(), alias.value.as_deref()),
        (Some(Boolean::True), Some("Nick"))
    );

    let msg = movistar("08-SubscribePresence-Request.xml");
    let Primitive::SubscribePresenceRequest(r) = transaction(&msg) else {
        panic!()
    };
    assert_eq!(r.auto_subscribe, Some(true));
    let sel = [
        Tag::OnlineStatus,
        Tag::ClientInfo,
        Tag::FreeTextLocation,
        Tag::CommCap,
        Tag::UserAvailability,
        Tag::StatusText,
        Tag::StatusMood,
        Tag::Alias,
        Tag::StatusContent,
        Tag::ContactInfo,
    ];
    assert_eq!(
        r.presence,
        Some(PresenceSubList::selectors(CspVersion::V1_2, sel))
    );

    for f in ["12-GetPresence-Request.xml", "15-GetPresence-Request.xml"] {
        let msg = movistar(f);
        let Primitive::GetPresenceRequest(r) = transaction(&msg) else {
            panic!()
        };
        let mut with_geo = sel.to_vec();
        with_geo.insert(2, Tag::GeoLocation);
        assert_eq!(
            r.presence,
            Some(PresenceSubList::selectors(CspVersion::V1_2, with_geo)),
            "{f}"
        );
    }
}

#[test]
fn android_and_nokia_vectors_carry_no_presence() {
    // Said here so that a future vector with presence is noticed: none of
    // the Android codec vectors nor the olympum Nokia login carries a
    // PresenceSubList (checked on the decoded WBXML too).
    let mut checked = 0;
    for dir in [
        "android-im-libwbxml/parser",
        "android-im-libwbxml/encoder",
        "olympum-blog-nokia-s60",
    ] {
        let path = vectors().join(dir);
        for e in std::fs::read_dir(&path).unwrap() {
            let p = e.unwrap().path();
            let bytes = read(&p);
            let msg = match p.extension().and_then(|e| e.to_str()) {
                Some("xml") => msg_from_xml(&bytes, &DecodeOptions::default()),
                Some("wbxml") => msg_from_wbxml(&bytes, &DecodeOptions::default()),
                _ => continue,
            };
            if let Ok(msg) = msg {
                assert!(
                    sub_lists(&msg, &DecodeOptions::default())
                        .unwrap()
                        .is_empty(),
                    "{}",
                    p.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "{checked}");
}
