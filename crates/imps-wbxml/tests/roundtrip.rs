//! Writer → reader round trip over arbitrary token trees (proptest).

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_wbxml::{
    Limits, Name, PublicId, PublicIdSpec, Reader, StringTable, TokenKind, Writer, WriterHeader,
};
use proptest::prelude::*;

/// Fixed string table: "alpha\0beta\0γ\0"; valid starts 0, 6, 11 (and inner offsets).
const TABLE: &[u8] = "alpha\0beta\0γ\0".as_bytes();
const TABLE_STR: [(u32, &str); 5] = [(0, "alpha"), (6, "beta"), (11, "γ"), (2, "pha"), (8, "ta")];

#[derive(Clone, Debug)]
enum Value {
    Str(String),
    StrT(usize),
    Entity(char),
    ExtI(u8, String),
    ExtT(u8, u32),
    Ext(u8),
    Opaque(Vec<u8>),
}

#[derive(Clone, Debug)]
enum AttrItem {
    Start { page: u8, token: u8 },
    LiteralStart(usize),
    Token { page: u8, token: u8 },
    Value(Value),
}

#[derive(Clone, Debug)]
enum Node {
    Elem {
        page: u8,
        tag: Option<u8>, // None = LITERAL (name index into TABLE_STR via `lit`)
        lit: usize,
        attrs: Vec<AttrItem>,
        content: Option<Vec<Node>>,
    },
    Value(Value),
}

fn text() -> impl Strategy<Value = String> {
    "[^\u{0}]{0,12}"
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::Str),
        (0..TABLE_STR.len()).prop_map(Value::StrT),
        any::<char>().prop_map(Value::Entity),
        (0..3u8, text()).prop_map(|(n, s)| Value::ExtI(n, s)),
        (0..3u8, any::<u32>()).prop_map(|(n, v)| Value::ExtT(n, v)),
        (0..3u8).prop_map(Value::Ext),
        proptest::collection::vec(any::<u8>(), 0..10).prop_map(Value::Opaque),
    ]
}

fn attr_start() -> impl Strategy<Value = AttrItem> {
    prop_oneof![
        (
            0..4u8,
            (0x05..0x80u8).prop_filter("not global", |t| !(0x40..=0x44).contains(t))
        )
            .prop_map(|(page, token)| AttrItem::Start { page, token }),
        (0..TABLE_STR.len()).prop_map(AttrItem::LiteralStart),
    ]
}

fn attr_rest() -> impl Strategy<Value = AttrItem> {
    prop_oneof![
        attr_start(),
        (
            0..4u8,
            (0x85..=0xFFu8).prop_filter("not global", |t| !(0xC0..=0xC4).contains(t))
        )
            .prop_map(|(page, token)| AttrItem::Token { page, token }),
        value().prop_map(AttrItem::Value),
    ]
}

fn attrs() -> impl Strategy<Value = Vec<AttrItem>> {
    prop_oneof![
        Just(Vec::new()),
        (attr_start(), proptest::collection::vec(attr_rest(), 0..5)).prop_map(|(s, mut rest)| {
            rest.insert(0, s);
            rest
        }),
    ]
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        value().prop_map(Node::Value),
        (
            0..4u8,
            proptest::option::of(0x05..0x40u8),
            0..TABLE_STR.len(),
            attrs()
        )
            .prop_map(|(page, tag, lit, attrs)| Node::Elem {
                page,
                tag,
                lit,
                attrs,
                content: None
            }),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        (
            0..4u8,
            proptest::option::of(0x05..0x40u8),
            0..TABLE_STR.len(),
            attrs(),
            proptest::option::of(proptest::collection::vec(inner, 0..6)),
        )
            .prop_map(|(page, tag, lit, attrs, content)| Node::Elem {
                page,
                tag,
                lit,
                attrs,
                content,
            })
    })
}

fn root() -> impl Strategy<Value = Node> {
    node().prop_filter("root is an element", |n| matches!(n, Node::Elem { .. }))
}

/// Expected tokens as (page if it is checked, kind).
type Expected = Vec<(Option<u8>, TokenKind<'static>)>;

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn value_kind(v: &Value) -> TokenKind<'static> {
    match v {
        Value::Str(s) => TokenKind::StrI(leak(s)),
        Value::StrT(i) => TokenKind::StrT {
            index: TABLE_STR[*i].0,
            text: TABLE_STR[*i].1,
        },
        Value::Entity(c) => TokenKind::Entity(*c),
        Value::ExtI(n, s) => TokenKind::ExtI {
            n: *n,
            text: leak(s),
        },
        Value::ExtT(n, v) => TokenKind::ExtT { n: *n, value: *v },
        Value::Ext(n) => TokenKind::Ext(*n),
        Value::Opaque(d) => TokenKind::Opaque(Box::leak(d.clone().into_boxed_slice())),
    }
}

fn write_value(w: &mut Writer, v: &Value) {
    match v {
        Value::Str(s) => w.str_i(s).unwrap(),
        Value::StrT(i) => w.str_t(TABLE_STR[*i].0),
        Value::Entity(c) => w.entity(*c),
        Value::ExtI(n, s) => w.ext_i(*n, s).unwrap(),
        Value::ExtT(n, v) => w.ext_t(*n, *v).unwrap(),
        Value::Ext(n) => w.ext(*n).unwrap(),
        Value::Opaque(d) => w.opaque(d).unwrap(),
    }
}

fn emit(node: &Node, w: &mut Writer, exp: &mut Expected) {
    match node {
        Node::Value(v) => {
            write_value(w, v);
            exp.push((None, value_kind(v)));
        }
        Node::Elem {
            page,
            tag,
            lit,
            attrs,
            content,
        } => {
            let has_attrs = !attrs.is_empty();
            let has_content = content.is_some();
            let name = match tag {
                Some(t) => {
                    w.tag(*page, *t, has_attrs, has_content).unwrap();
                    Name::Token(*t)
                }
                None => {
                    let (index, name) = TABLE_STR[*lit];
                    w.literal_tag(index, has_attrs, has_content);
                    Name::Literal { index, name }
                }
            };
            let page_checked = tag.map(|_| *page);
            exp.push((
                page_checked,
                TokenKind::Tag {
                    name,
                    attributes: has_attrs,
                    content: has_content,
                },
            ));
            for a in attrs {
                match a {
                    AttrItem::Start { page, token } => {
                        w.attr_start(*page, *token).unwrap();
                        exp.push((Some(*page), TokenKind::AttrStart(Name::Token(*token))));
                    }
                    AttrItem::LiteralStart(i) => {
                        let (index, name) = TABLE_STR[*i];
                        w.literal_attr(index);
                        exp.push((None, TokenKind::AttrStart(Name::Literal { index, name })));
                    }
                    AttrItem::Token { page, token } => {
                        w.attr_value(*page, *token).unwrap();
                        exp.push((Some(*page), TokenKind::AttrValue(*token)));
                    }
                    AttrItem::Value(v) => {
                        write_value(w, v);
                        exp.push((None, value_kind(v)));
                    }
                }
            }
            if has_attrs {
                w.end();
                exp.push((None, TokenKind::AttrEnd));
            }
            if let Some(children) = content {
                for c in children {
                    emit(c, w, exp);
                }
                w.end();
                exp.push((None, TokenKind::End));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn writer_then_reader_gives_the_same_tokens(
        tree in root(),
        version in 1..=3u8,
        fpi in any::<bool>(),
        public_id in 1..100_000u32,
    ) {
        let header = WriterHeader {
            version,
            public_id: if fpi { PublicIdSpec::StringTable(6) } else { PublicIdSpec::Numeric(public_id) },
            charset: 106,
            string_table: TABLE,
        };
        let mut w = Writer::new(Vec::new(), &header).unwrap();
        let mut expected = Expected::new();
        emit(&tree, &mut w, &mut expected);
        let bytes = w.finish();

        let mut r = Reader::new(&bytes, Limits::UNLIMITED).unwrap();
        prop_assert_eq!(r.header().version, version);
        if fpi {
            prop_assert_eq!(r.header().public_id, PublicId::String { index: 6, fpi: "beta" });
        } else {
            prop_assert_eq!(r.header().public_id, PublicId::Numeric(public_id));
        }
        let mut got = Vec::new();
        while let Some(t) = r.next_token().unwrap() {
            if !matches!(t.kind, TokenKind::SwitchPage(_)) {
                got.push(t);
            }
        }
        prop_assert!(r.is_done());
        prop_assert_eq!(got.len(), expected.len());
        for (g, (page, kind)) in got.iter().zip(&expected) {
            prop_assert_eq!(&g.kind, kind);
            if let Some(p) = page {
                prop_assert_eq!(g.page, *p, "page of {:?}", kind);
            }
        }
    }
}

#[test]
fn writer_refuses_invalid_tokens() {
    let mut w = Writer::new(Vec::new(), &WriterHeader::default()).unwrap();
    assert!(w.tag(0, 0x04, false, false).is_err());
    assert!(w.tag(0, 0x40, false, false).is_err());
    assert!(w.attr_start(0, 0x42).is_err());
    assert!(w.attr_start(0, 0x85).is_err());
    assert!(w.attr_value(0, 0xC3).is_err());
    assert!(w.attr_value(0, 0x05).is_err());
    assert!(w.str_i("a\0b").is_err());
    assert!(w.ext_t(3, 0).is_err());
    let mut w10 = Writer::new(
        Vec::new(),
        &WriterHeader {
            version: 0,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(w10.opaque(&[1]).is_err());
    // WBXML 1.0 header has no charset.
    assert_eq!(w10.as_bytes(), [0x00, 0x01, 0x00]);
    assert!(Writer::new(
        Vec::new(),
        &WriterHeader {
            public_id: PublicIdSpec::StringTable(0),
            ..Default::default()
        }
    )
    .is_err());
}

#[test]
fn writer_patches_table_and_content_flag() {
    let mut w = Writer::new(Vec::new(), &WriterHeader::default()).unwrap();
    assert_eq!(w.body_offset(), 4);
    w.tag(0, 0x09, false, true).unwrap();
    let at = w.len();
    w.literal_tag(0, false, true);
    w.clear_content_flag(at).unwrap(); // LITERAL_C -> LITERAL
    w.tag(1, 0x05, true, true).unwrap();
    let tag_at = w.len() - 1;
    w.literal_attr(4);
    w.end();
    w.clear_content_flag(tag_at).unwrap(); // 0xC5 -> 0x85
    w.end();
    // A header byte or a global token cannot be patched.
    assert!(w.clear_content_flag(0).is_err());
    assert!(w.clear_content_flag(w.len() - 1).is_err());
    let mut table = StringTable::new();
    table.add("abc").unwrap();
    table.add("xy").unwrap();
    assert_eq!(table.find("xy"), Some(4));
    assert_eq!(table.find("b"), None);
    w.replace_string_table(table.as_bytes()).unwrap();
    assert_eq!(w.body_offset(), 11);
    let bytes = w.finish();
    assert_eq!(
        bytes,
        [
            0x03, 0x01, 0x6A, 0x07, b'a', b'b', b'c', 0, b'x', b'y', 0, 0x49, 0x04, 0x00, 0x00,
            0x01, 0x85, 0x04, 0x04, 0x01, 0x01
        ]
    );
    let kinds: Vec<TokenKind> = Reader::new(&bytes, Limits::default())
        .unwrap()
        .map(|t| t.unwrap().kind)
        .collect();
    assert_eq!(
        kinds[1],
        TokenKind::Tag {
            name: Name::Literal {
                index: 0,
                name: "abc"
            },
            attributes: false,
            content: false
        }
    );
    assert_eq!(
        kinds[4],
        TokenKind::AttrStart(Name::Literal {
            index: 4,
            name: "xy"
        })
    );
}
