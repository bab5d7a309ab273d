//! proptest round trips for every primitive: model → events → model,
//! model → XML → model, model → WBXML → model, model → JSON → model.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use imps_event::CspVersion;
use imps_model::arb::Arb;
use imps_model::{Message, Primitive, Session, SessionDescriptor, Transaction, TransactionMode};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

fn wrap(version: CspVersion, primitive: Primitive) -> Message {
    Message::new(
        version,
        Session {
            descriptor: SessionDescriptor::inband("s-1"),
            transactions: vec![Transaction::new(TransactionMode::Request, "t-1", primitive)],
            ..Session::default()
        },
    )
}

fn all_ways(msg: &Message) -> Result<(), TestCaseError> {
    prop_assert_eq!(&via_events(msg), msg, "events");
    let xml = to_xml(msg);
    let back = from_xml(&xml)
        .map_err(|e| TestCaseError::fail(format!("XML: {e}\n{}", String::from_utf8_lossy(&xml))))?;
    prop_assert_eq!(&back, msg, "XML\n{}", String::from_utf8_lossy(&xml));
    let wbxml = to_wbxml(msg);
    let back = from_wbxml(&wbxml).map_err(|e| TestCaseError::fail(format!("WBXML: {e}")))?;
    prop_assert_eq!(&back, msg, "WBXML");
    let json = serde_json::to_string(msg).unwrap();
    let back: Message = serde_json::from_str(&json)
        .map_err(|e| TestCaseError::fail(format!("JSON: {e}\n{json}")))?;
    prop_assert_eq!(&back, msg, "JSON\n{}", json);
    Ok(())
}

/// Each of the 88 primitives, in each CSP version, every way.
#[test]
fn every_primitive_round_trips_every_way() {
    let each = Primitive::arb_each();
    assert_eq!(each.len(), 88);
    for (name, strategy) in each {
        for version in CspVersion::ALL {
            let mut runner = TestRunner::new(Config {
                cases: 24,
                failure_persistence: None,
                ..Config::default()
            });
            let result = runner.run(&strategy, |p| all_ways(&wrap(version, p)));
            if let Err(e) = result {
                panic!("{name} in CSP {version}: {e}");
            }
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Whole messages: several transactions, envelope options, 1.1 and 1.2
    /// Poll placement, with and without namespace declarations.
    #[test]
    fn whole_messages_round_trip(msg in Message::arb()) {
        all_ways(&msg)?;
    }
}

/// Unknown elements and stray text survive every way.
#[test]
fn unknown_content_round_trips() {
    let mut runner = TestRunner::deterministic();
    let strat = (
        Message::arb(),
        proptest::collection::vec(imps_model::arb::unknown_element(), 1..3),
    );
    for _ in 0..64 {
        let (mut msg, extras) = strat.new_tree(&mut runner).unwrap().current();
        for el in extras {
            msg.session
                .descriptor
                .extra
                .push(imps_model::Node::Element(el.clone()));
            msg.extra.push(imps_model::Node::Element(el));
        }
        all_ways(&msg).unwrap();
    }
}
