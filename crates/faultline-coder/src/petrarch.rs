//! PETRARCH-2 verb dictionaries as an alternative pattern set (being written).
