//! Every saved-state schema the app ever shipped must still load, with nothing dropped.
//! Add a sample here whenever `storage::SCHEMA` goes up.

use passport_sos::storage::{import_text, Envelope, EXPORT_MARK, SCHEMA};
use serde_json::Value;

const SAMPLES: &[(u32, &str)] = &[(1, include_str!("fixtures/storage/schema-1.json"))];

#[test]
fn every_shipped_schema_has_a_sample() {
    for schema in 1..=SCHEMA {
        assert!(SAMPLES.iter().any(|(s, _)| *s == schema), "no sample of schema {schema}");
    }
}

#[test]
fn every_sample_loads_with_nothing_lost() {
    for (schema, text) in SAMPLES {
        let envelope = Envelope::decode(text).unwrap_or_else(|e| panic!("schema {schema}: {e:?}"));
        assert_eq!(envelope.schema, SCHEMA);
        // Every answer, step record, tick, note and date of the sample is still there.
        let sample: Value = serde_json::from_str(text).unwrap();
        let loaded: Value = serde_json::from_str(&envelope.encode()).unwrap();
        assert_eq!(sample["answers"], loaded["answers"], "schema {schema}");
        assert_eq!(sample["progress"], loaded["progress"], "schema {schema}");
        assert_eq!(sample["locale"], loaded["locale"], "schema {schema}");
    }
}

#[test]
fn every_sample_imports_as_a_file_too() {
    for (schema, text) in SAMPLES {
        let mut file: Value = serde_json::from_str(text).unwrap();
        file["app"] = Value::from(EXPORT_MARK);
        let imported = import_text(&file.to_string()).unwrap_or_else(|e| panic!("schema {schema}: {e:?}"));
        assert_eq!(Some(imported), Envelope::decode(text).ok());
    }
}
