//! The demo corpus: the files of `assets/demo/`, embedded at build time by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));
