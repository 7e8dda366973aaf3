//! Fuzz target `decoder`: a thin libFuzzer wrapper around [`borderlines_fuzz::decoder`], whose
//! documentation says what it checks. `make fuzz` runs it; `fuzz/tests/replay.rs` replays its
//! committed corpus through the same function.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| borderlines_fuzz::decoder(data));
