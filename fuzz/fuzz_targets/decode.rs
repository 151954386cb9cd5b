//! Bytes to text: any bytes decode or are refused as binary, without panic,
//! and valid UTF-8 (with or without BOM) is written back byte for byte.
#![no_main]

use copydesk::source::{Encoding, decode, decode::encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = decode(data) {
        let back = encode(&decoded.text, &decoded, false);
        if decoded.encoding == Encoding::Utf8 && !decoded.lossy {
            assert_eq!(back, data);
        }
    }
});
