//! `events.EventPattern` (`event-pattern.ts`, `util.ts`'s `renderEventPattern`).

use cdk_core::{BuildError, Map, Value};

/// Which events a [`Rule`](crate::Rule) matches (`events.EventPattern`).
///
/// Fields are rendered in the order they are set, as aws-cdk-lib renders the keys of the
/// object it is given (`detailType` as `detail-type`); a field set twice keeps its first
/// place. Every field is optional; an empty pattern renders nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventPattern {
    fields: Map,
}

/// Builder of an [`EventPattern`]: each setter takes a list of values to match (strings,
/// or objects such as `{"prefix": "a"}`), `detail` takes an object.
#[derive(Clone, Debug, Default)]
pub struct EventPatternBuilder {
    fields: Map,
}

macro_rules! list_setters {
    ($($(#[$doc:meta])* $name:ident => $key:literal;)*) => {$(
        $(#[$doc])*
        pub fn $name<V: Into<Value>>(mut self, values: impl IntoIterator<Item = V>) -> Self {
            let list = Value::Array(values.into_iter().map(Into::into).collect());
            self.fields.insert($key.to_string(), list);
            self
        }
    )*};
}

impl EventPatternBuilder {
    list_setters! {
        /// `version`: the event versions to match.
        version => "version";
        /// `id`: the event ids to match.
        id => "id";
        /// `detail-type` (`detailType`): the detail types to match.
        detail_type => "detail-type";
        /// `source`: the event sources to match (such as `aws.ec2`).
        source => "source";
        /// `account`: the account ids to match.
        account => "account";
        /// `time`: the event times to match.
        time => "time";
        /// `region`: the regions to match.
        region => "region";
        /// `resources`: the resource ARNs to match.
        resources => "resources";
    }

    /// `detail`: a JSON object matched against the event's detail.
    pub fn detail(mut self, detail: impl Into<Value>) -> Self {
        self.fields.insert("detail".to_string(), detail.into());
        self
    }

    fn build_fields(self) -> Result<EventPattern, BuildError> {
        Ok(EventPattern { fields: self.fields })
    }
}
cdk_core::impl_props!(EventPattern, EventPatternBuilder);

impl EventPattern {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The pattern as CloudFormation's `EventPattern` (`renderEventPattern`): `None` when
    /// empty.
    pub fn render(&self) -> Option<Value> {
        (!self.fields.is_empty()).then(|| Value::Object(self.fields.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order() -> Result<(), BuildError> {
        let p = EventPattern::builder().source(["a"]).detail_type(["b"]).build()?;
        let v = p.render().unwrap_or_default();
        let keys: Vec<&str> = v.as_object().map(|m| m.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["source", "detail-type"]);
        assert!(EventPattern::default().render().is_none());
        Ok(())
    }
}
