//! Conformance runner over the PETRARCH validation suites (being written).
