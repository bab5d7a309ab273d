//! Placeholder; filled in when the codec crates land.
fn main() {}
