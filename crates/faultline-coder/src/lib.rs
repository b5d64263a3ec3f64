//! Event coder (work in progress).
