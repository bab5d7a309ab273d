//! Round trips: arbitrary presence lists (`Arb`) through events, XML,
//! WBXML and JSON, standalone and inside messages of every CSP version;
//! and, deterministically, every attribute and every value of every value
//! set.

use imps_event::{CspVersion, Tag, VecSink, VecSource};
use imps_model::arb::Arb;
use imps_model::presence::*;
use imps_model::{
    DecodeOptions, Message, Primitive, Session, SessionDescriptor, Transaction, TransactionMode,
    UpdatePresenceRequest,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use crate::util::*;

fn message(version: CspVersion, list: PresenceSubList) -> Message {
    let primitive = Primitive::UpdatePresenceRequest(UpdatePresenceRequest {
        presence: list,
        ..Default::default()
    });
    Message::new(
        version,
        Session {
            descriptor: SessionDescriptor::inband("s1"),
            transactions: vec![Transaction::new(TransactionMode::Request, "t1", primitive)],
            ..Default::default()
        },
    )
}

fn check_list(list: &PresenceSubList) -> Result<(), TestCaseError> {
    prop_assert_eq!(&doc_via_events(list), list);
    let xml = doc_to_xml(list);
    let back = doc_from_xml(&xml, &DecodeOptions::default());
    prop_assert_eq!(back.as_ref(), Ok(list), "{}", String::from_utf8_lossy(&xml));
    let wb = doc_to_wbxml(list);
    let back = doc_from_wbxml(&wb, &DecodeOptions::default());
    prop_assert_eq!(back.as_ref(), Ok(list));
    let json = serde_json::to_string(list).unwrap();
    let back: PresenceSubList = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(&back, list, "{}", json);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_lists_round_trip(list in PresenceSubList::arb()) {
        check_list(&list)?;
    }

    #[test]
    fn arbitrary_lists_round_trip_inside_messages(
        list in PresenceSubList::arb(),
        version in prop::sample::select(CspVersion::ALL.to_vec()),
    ) {
        let msg = message(version, list);
        let mut sink = VecSink::default();
        imps_model::encode(&msg, &mut sink).unwrap();
        let opts = DecodeOptions::default().with_default_version(version);
        prop_assert_eq!(&imps_model::decode_with::<Message>(&mut VecSource::new(sink.events), &opts).unwrap(), &msg);
        prop_assert_eq!(&msg_from_xml(&msg_to_xml(&msg), &DecodeOptions::default()).unwrap(), &msg);
        prop_assert_eq!(&msg_from_wbxml(&msg_to_wbxml(&msg), &DecodeOptions::default()).unwrap(), &msg);
    }

    /// Valid values (no `Unknown`, every value with a `Qualifier`, no
    /// repeats) also decode strictly.
    #[test]
    fn valid_lists_decode_strictly(list in PresenceSubList::arb()) {
        let json = serde_json::to_string(&list).unwrap();
        let valid = !json.contains("x-")
            && !json.contains("\"extra\"")
            && list.attributes.iter().all(|a| a.is_selector() || a.qualifier().is_some())
            && list.attributes.iter().enumerate().all(|(i, a)| list.attributes[..i].iter().all(|b| b.name() != a.name()))
            && !(list.version() == Some(CspVersion::V1_1) && list.get::<InfoLink>().is_some());
        if valid {
            let strict = DecodeOptions::strict();
            prop_assert_eq!(doc_from_xml(&doc_to_xml(&list), &strict), Ok(list.clone()));
            prop_assert_eq!(doc_from_wbxml(&doc_to_wbxml(&list), &strict), Ok(list.clone()));
        }
    }
}

#[test]
fn the_strategy_generates_every_attribute() {
    let mut runner = TestRunner::deterministic();
    let strategy = PresenceSubList::arb();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..500 {
        let list = strategy.new_tree(&mut runner).unwrap().current();
        for a in &list.attributes {
            seen.insert(match a {
                Attribute::Unknown(_) => "Unknown".to_owned(),
                other => other.name().as_xml().into_owned(),
            });
        }
    }
    let mut expected: std::collections::BTreeSet<String> = Attribute::TAGS
        .iter()
        .map(|t| t.name().to_owned())
        .collect();
    expected.insert("Unknown".into());
    assert_eq!(seen, expected);
}

/// Round trips one list through XML and WBXML, strictly.
fn strict_round_trip(list: &PresenceSubList) {
    let strict = DecodeOptions::strict();
    assert_eq!(doc_from_xml(&doc_to_xml(list), &strict).unwrap(), *list);
    assert_eq!(doc_from_wbxml(&doc_to_wbxml(list), &strict).unwrap(), *list);
    assert_eq!(doc_via_events(list), *list);
}

#[test]
fn every_value_of_every_value_set_round_trips() {
    let q = Some(Boolean::True);
    let mut list = PresenceSubList::new(CspVersion::V1_3); // repeats allowed
    for v in Boolean::ALL {
        list.push(OnlineStatus {
            qualifier: Some(v.clone()),
            value: Some(v.clone()),
            ..Default::default()
        });
        list.push(Registration {
            qualifier: q.clone(),
            value: Some(v.clone()),
            ..Default::default()
        });
    }
    for v in Availability::ALL {
        list.push(UserAvailability {
            qualifier: q.clone(),
            value: Some(v.clone()),
            ..Default::default()
        });
    }
    for v in Mood::ALL {
        list.push(StatusMood {
            qualifier: q.clone(),
            value: Some(v.clone()),
            ..Default::default()
        });
    }
    for v in ClientType::ALL {
        list.push(ClientInfo {
            qualifier: q.clone(),
            client_type: Some(v.clone()),
            ..Default::default()
        });
    }
    let mut cc = CommCap {
        qualifier: q.clone(),
        ..Default::default()
    };
    let mut pc = PreferredContacts {
        qualifier: q.clone(),
        ..Default::default()
    };
    for cap in Cap::ALL {
        for status in CommStatus::ALL {
            cc.comm_cs.push(CommC {
                cap: cap.clone(),
                status: status.clone(),
                ..Default::default()
            });
            pc.addr_prefs.push(AddrPref {
                pref_c: cap.clone(),
                caddr: "+358401234567".into(),
                cstatus: status.clone(),
                ..Default::default()
            });
        }
    }
    list.push(cc);
    list.push(pc);
    strict_round_trip(&list);
    // Every value is written as its presence value token in WBXML.
    let tokens = std::fs::read_to_string(crate_dir().join("spec/pa/pa-value-tokens.tsv")).unwrap();
    let mut pa12 = list.clone();
    pa12.xmlns = Some(PA12.into());
    let wb = doc_to_wbxml(&pa12);
    for line in tokens.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let named = Availability::ALL.iter().any(|v| v.as_str() == c[1])
            || Mood::ALL.iter().any(|v| v.as_str() == c[1])
            || ClientType::ALL.iter().any(|v| v.as_str() == c[1])
            || Cap::ALL.iter().any(|v| v.as_str() == c[1]);
        let token = u8::from_str_radix(c[0].trim_start_matches("0x"), 16).unwrap();
        if named {
            // `IM` and `SMS` are also common values (0x12, …): the value
            // table has them twice, and either index reads back the same.
            let common = CspVersion::V1_2
                .ext_index(c[1])
                .filter(|i| CspVersion::V1_2.ext_value(*i) == Some(c[1]))
                .map(|i| i as u8);
            assert!(
                wb.windows(2)
                    .any(|w| w == [0x80, token] || Some(w[1]) == common.filter(|_| w[0] == 0x80)),
                "{} ({:#04x})",
                c[1],
                token
            );
        } else if !named {
            // The two tokens no value set names (IM_OFFLINE, IM_ONLINE).
            assert!(["IM_OFFLINE", "IM_ONLINE"].contains(&c[1]), "{}", c[1]);
        }
    }
}

#[test]
fn every_attribute_filled_round_trips_in_every_version() {
    let full = crate::malformed::full_list();
    assert_eq!(full.attributes.len(), Attribute::TAGS.len());
    for a in &full.attributes {
        assert!(!a.is_selector() && a.qualifier() == Some(&Boolean::True));
    }
    for version in CspVersion::ALL {
        let mut list = full.clone();
        list.xmlns = Some(version.namespace(imps_tokens::NamespaceKind::Pa).into());
        if version == CspVersion::V1_1 {
            list.attributes
                .retain(|a| !matches!(a, Attribute::InfoLink(_)));
        }
        strict_round_trip(&list);
        let msg = message(version, list);
        assert_eq!(
            msg_from_xml(&msg_to_xml(&msg), &DecodeOptions::strict()).unwrap(),
            msg
        );
        assert_eq!(
            msg_from_wbxml(&msg_to_wbxml(&msg), &DecodeOptions::strict()).unwrap(),
            msg
        );
    }
}

#[test]
fn selectors_stay_selectors() {
    for tag in Attribute::TAGS {
        let a = Attribute::selector(*tag).unwrap();
        assert!(a.is_selector());
        assert_eq!(a.tag(), Some(*tag));
        assert_eq!(a.qualifier(), None);
    }
    assert_eq!(Attribute::selector(Tag::CommC), None);
    let list = PresenceSubList::selectors(CspVersion::V1_2, [Tag::Alias, Tag::ClientContentLimit]);
    assert!(matches!(list.attributes[1], Attribute::Unknown(_)));
    assert!(list.is_selector_list());
    let json = serde_json::to_string(&list).unwrap();
    assert_eq!(
        json,
        r#"{"xmlns":"http://www.openmobilealliance.org/DTD/WV-PA1.2","attributes":[{"Alias":{}},{"Unknown":{"name":"ClientContentLimit"}}]}"#
    );
    strict_round_trip(&PresenceSubList::selectors(
        CspVersion::V1_2,
        Attribute::TAGS.iter().copied(),
    ));
}

/// Pinned sizes (the large, rare attributes are boxed).
#[test]
#[cfg(target_pointer_width = "64")]
fn attribute_sizes() {
    use std::mem::size_of;
    assert_eq!(size_of::<Attribute>(), 80);
    assert_eq!(size_of::<PresenceSubList>(), 72);
    assert_eq!(size_of::<OnlineStatus>(), 72);
    assert_eq!(size_of::<Option<Boolean>>(), 24);
}
