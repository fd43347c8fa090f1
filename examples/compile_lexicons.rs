//! Writes `lexicons/compiled.bin`, the precompiled form of the built-in lexicons that the binary
//! loads at start-up. Run it after editing anything in `lexicons/entities/`:
//! `cargo run --release --example compile_lexicons`.
fn main() {
    let bytes = ringkas::entities::Gazetteer::compile_builtin().expect("the built-in lexicons compile");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/compiled.bin");
    std::fs::write(path, &bytes).expect("lexicons/compiled.bin is writable");
    println!("wrote {path} ({} bytes)", bytes.len());
}
