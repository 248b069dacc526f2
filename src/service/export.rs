//! Exports of the diary, the ledgers and the SMS list (being written).
