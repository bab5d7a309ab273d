//! How many heap allocations the typed model costs: decoding a typical
//! `SendMessage-Request` (200 bytes of text) from borrowed events, and the
//! same message read from XML and WBXML bytes (reader included).
//!
//! Counted with `imps_testkit::CountingAllocator` (per thread).

#![allow(clippy::unwrap_used)]

use imps_event::{CspVersion, VecSink, VecSource};
use imps_model::{DecodeOptions, Message, Primitive};
use imps_testkit::{measure, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn count<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let (out, counts) = measure(f);
    (out, counts.allocations)
}

fn send_message_xml() -> String {
    let text = "x".repeat(200);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session>\
<SessionDescriptor><SessionType>Inband</SessionType><SessionID>AA0BD762.00000000.test1</SessionID></SessionDescriptor>\
<Transaction><TransactionDescriptor><TransactionMode>Request</TransactionMode><TransactionID>transId8</TransactionID>\
</TransactionDescriptor><TransactionContent xmlns=\"http://www.openmobilealliance.org/DTD/WV-TRC1.2\">\
<SendMessage-Request><DeliveryReport>T</DeliveryReport><MessageInfo><ContentType>text/plain</ContentType>\
<ContentSize>200</ContentSize><Recipient><User><UserID>wv:test2</UserID></User></Recipient>\
<Sender><User><UserID>wv:test1</UserID></User></Sender><DateTime>20070625T055652Z</DateTime></MessageInfo>\
<ContentData>{text}</ContentData></SendMessage-Request></TransactionContent></Transaction></Session></WV-CSP-Message>"
    )
}

/// The number stated in the crate docs.
const MODEL_ALLOCATIONS: usize = 3;

/// The number stated in the crate docs for XML bytes → model (the model's
/// plus the XML reader's: escaped text, quick-xml's buffers).
const XML_ALLOCATIONS: usize = 14;

#[test]
fn send_message_request_costs_a_few_allocations() {
    let xml = send_message_xml();
    // Borrowed events, as a zero-copy reader yields them.
    let mut events = Vec::new();
    let mut r = imps_csp_xml::XmlReader::new(xml.as_bytes(), &Default::default()).unwrap();
    while let Some(ev) = imps_event::EventSource::next_event(&mut r).unwrap() {
        assert!(!matches!(
            &ev,
            imps_event::Event::Text(std::borrow::Cow::Owned(_))
        ));
        events.push(ev);
    }
    let mut source = VecSource::new(events);
    let (msg, n) = count(|| imps_model::decode::<Message>(&mut source).unwrap());
    let Primitive::SendMessageRequest(p) = &msg.session.transactions[0].content.primitive else {
        panic!()
    };
    assert_eq!(p.content.as_ref().unwrap().as_bytes().len(), 200);
    println!("model decode from borrowed events: {n} allocations");
    // The transaction list, the recipient's user list and the 200 bytes of
    // content data; the ids and the content type are short enough to be
    // kept inline.
    assert_eq!(n, MODEL_ALLOCATIONS);

    // The whole XML decode, reader included.
    let (_, n_xml) = count(|| {
        let mut r = imps_csp_xml::XmlReader::new(xml.as_bytes(), &Default::default()).unwrap();
        imps_model::decode::<Message>(&mut r).unwrap()
    });
    println!("XML bytes -> model: {n_xml} allocations");
    assert_eq!(n_xml, XML_ALLOCATIONS);

    // The whole WBXML decode, reader included.
    let mut sink = VecSink::default();
    imps_model::encode(&msg, &mut sink).unwrap();
    let wbxml = imps_csp_wbxml::encode(
        &sink.events,
        imps_csp_wbxml::EncodeOptions::phone(CspVersion::V1_2),
    )
    .unwrap();
    let (back, n_wbxml) = count(|| {
        let mut r = imps_csp_wbxml::WbxmlReader::new(&wbxml, &Default::default()).unwrap();
        imps_model::decode_with::<Message>(&mut r, &DecodeOptions::default()).unwrap()
    });
    assert_eq!(back, msg);
    println!("WBXML bytes -> model: {n_wbxml} allocations");
    // The WBXML reader hands over borrowed text and allocates nothing.
    assert_eq!(n_wbxml, MODEL_ALLOCATIONS);

    // Encoding to events allocates nothing in the model itself: a sink
    // that drops events.
    struct Discard;
    impl imps_event::EventSink for Discard {
        fn event(&mut self, _: imps_event::Event<'_>) -> Result<(), imps_event::Error> {
            Ok(())
        }
    }
    let ((), n_enc) = count(|| imps_model::encode(&msg, Discard).unwrap());
    println!("model -> events: {n_enc} allocations");
    assert_eq!(n_enc, 0);
}
