//! Debian's libwbxml (`wbxml2xml`, `xml2wbxml`) as an independent peer for
//! presence: every PA 1.1 attribute, with values from every value set,
//! written by us in WBXML and read by libwbxml, and the other way round.
//! Skipped, with a message, when the tools are not installed.

use std::path::PathBuf;
use std::process::Command;

use imps_event::CspVersion;
use imps_model::presence::*;
use imps_model::{
    DecodeOptions, Message, Primitive, Session, SessionDescriptor, Transaction, TransactionMode,
    UpdatePresenceRequest,
};

use crate::util::*;

fn tool(name: &str) -> Option<PathBuf> {
    ["/usr/bin", "/usr/local/bin"]
        .iter()
        .map(|d| PathBuf::from(d).join(name))
        .find(|p| p.exists())
}

fn run(tool: &PathBuf, args: &[&str], input: &[u8]) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!(
        "imps-model-presence-{}-{}",
        std::process::id(),
        input.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let (inp, out) = (dir.join("in"), dir.join("out"));
    std::fs::write(&inp, input).unwrap();
    let res = Command::new(tool)
        .args(args)
        .arg("-o")
        .arg(&out)
        .arg(&inp)
        .output()
        .unwrap();
    let bytes = std::fs::read(&out).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: {}",
            tool.display(),
            String::from_utf8_lossy(&res.stderr)
        )
    });
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

/// An UpdatePresence-Request of CSP 1.1 carrying every PA 1.1 attribute,
/// and one `CommC` / `AddrPref` per capability.
fn pa11_message(xmlns: bool) -> Message {
    let mut list = crate::malformed::full_list();
    list.attributes
        .retain(|a| !matches!(a, Attribute::InfoLink(_)));
    list.xmlns = xmlns.then(|| PA11.into());
    for a in &mut list.attributes {
        match a {
            Attribute::CommCap(cc) => {
                for cap in Cap::ALL {
                    cc.comm_cs.push(CommC {
                        cap: cap.clone(),
                        status: CommStatus::Closed,
                        contact: Some("he@there.com".into()),
                        ..Default::default()
                    });
                }
            }
            Attribute::PreferredContacts(pc) => {
                for cap in Cap::ALL {
                    pc.addr_prefs.push(AddrPref {
                        pref_c: cap.clone(),
                        caddr: "+35804123123".into(),
                        cstatus: CommStatus::Open,
                        cname: Some("Nokia CName".into()),
                        cpriority: Some("20".into()),
                        ..Default::default()
                    });
                }
            }
            _ => {}
        }
    }
    // Every other value of every set, as extra attributes of a second
    // presence list in a GetPresence-Response would be; here: appended.
    for v in Availability::ALL {
        list.push(UserAvailability {
            qualifier: Some(Boolean::False),
            value: Some(v.clone()),
            ..Default::default()
        });
    }
    for v in Mood::ALL {
        list.push(StatusMood {
            qualifier: Some(Boolean::True),
            value: Some(v.clone()),
            ..Default::default()
        });
    }
    for v in ClientType::ALL {
        list.push(ClientInfo {
            qualifier: Some(Boolean::True),
            client_type: Some(v.clone()),
            ..Default::default()
        });
    }
    let primitive = Primitive::UpdatePresenceRequest(UpdatePresenceRequest {
        presence: list,
        ..Default::default()
    });
    let mut msg = Message::new(
        CspVersion::V1_1,
        Session {
            descriptor: SessionDescriptor::inband("im.user.com#48815@server.com"),
            transactions: vec![Transaction::new(
                TransactionMode::Request,
                "IMApp01#1",
                primitive,
            )],
            ..Default::default()
        },
    );
    if !xmlns {
        msg.xmlns = None;
        msg.session.transactions[0].content.xmlns = None;
    }
    msg
}

#[test]
fn libwbxml_reads_our_presence_wbxml() {
    let Some(wbxml2xml) = tool("wbxml2xml") else {
        eprintln!("SKIPPED: wbxml2xml not installed (apt-get install libwbxml2-utils)");
        return;
    };
    let ours = msg_to_wbxml(&pa11_message(true));
    let xml = run(&wbxml2xml, &["-l", "CSP11"], &ours);
    // Lenient: the list repeats attributes to carry every value.
    let back = msg_from_xml(&xml, &DecodeOptions::default())
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&xml)));
    // libwbxml writes the namespaces our WBXML carries (attribute-start
    // tokens 0x05 / 0x06 / 0x07).
    assert_eq!(
        back,
        pa11_message(true),
        "{}",
        String::from_utf8_lossy(&xml)
    );
}

#[test]
fn we_read_libwbxml_presence_wbxml() {
    let Some(xml2wbxml) = tool("xml2wbxml") else {
        eprintln!("SKIPPED: xml2wbxml not installed (apt-get install libwbxml2-utils)");
        return;
    };
    // libwbxml recognises CSP XML by its DOCTYPE.
    let msg = pa11_message(true);
    let mut w = imps_csp_xml::XmlWriter::new(imps_csp_xml::WriteOptions {
        version: Some(CspVersion::V1_1),
        doctype: imps_csp_xml::DoctypeMode::Always,
        ..imps_csp_xml::WriteOptions::default()
    });
    imps_model::encode(&msg, &mut w).unwrap();
    let xml = String::from_utf8(w.finish().unwrap()).unwrap();
    // libwbxml's table spells tokens 0x26 / 0x27 of page 5 PreferredContent /
    // PreferredvCard and refuses the ReferredContent / ReferredvCard of the
    // other tables.
    let xml = xml
        .replace("ReferredContent>", "PreferredContent>")
        .replace("ReferredvCard>", "PreferredvCard>");
    let theirs = run(&xml2wbxml, &[], xml.as_bytes());
    // Presence values as EXT_T_0 presence value tokens (e.g. SLEEPY 0x74).
    assert!(
        theirs.windows(2).any(|w| w == [0x80, 0x74]),
        "{theirs:02X?}"
    );
    let back = msg_from_wbxml(&theirs, &DecodeOptions::default()).unwrap();
    assert_eq!(back, pa11_message(false));
}
