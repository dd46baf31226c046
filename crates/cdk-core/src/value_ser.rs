//! A serde `Serializer` that builds a [`Value`] directly, keeping the tokens a value holds.
//!
//! Generated L1 props derive `Serialize`; [`to_value`] turns them into the `Value` a resource
//! renders from. Tokens and absent properties pass through serde as marker unit structs
//! (`Value::serialize` and [`optional`] emit them only while this serializer runs), so they
//! reach the result unchanged.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::ser::{self, Serialize};

use crate::value::{Map, Token, Value};

const TOKEN_STRUCT: &str = "$cdk:token";
const ABSENT_STRUCT: &str = "$cdk:absent";
const VALUE_STRUCT: &str = "$cdk:value";

thread_local! {
    /// Set while [`to_value`] runs: tokens and absent values become marker unit structs.
    static DIRECT: Cell<bool> = const { Cell::new(false) };
    /// The token a marker stands for, between `Value::serialize` and the serializer.
    static SLOT: RefCell<Option<Token>> = const { RefCell::new(None) };
    /// The list or object a marker stands for (copied whole rather than field by field).
    static VALUE_SLOT: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// Serializes a list or object: while [`to_value`] runs, as a marker that brings a copy of
/// it back whole (what serializing it entry by entry would build); otherwise the serializer
/// is handed back, to serialize it as usual.
pub(crate) fn serialize_whole<S: ser::Serializer>(
    v: &Value,
    s: S,
) -> Result<Result<S::Ok, S::Error>, S> {
    if !DIRECT.with(Cell::get) {
        return Err(s);
    }
    // a clone holds no spare capacity (as building it entry by entry from its length gives)
    VALUE_SLOT.with(|slot| *slot.borrow_mut() = Some(v.clone()));
    Ok(s.serialize_unit_struct(VALUE_STRUCT))
}

/// Serializes a token: while [`to_value`] runs, as a marker that brings it back unchanged;
/// for any other serializer, as a placeholder string.
pub(crate) fn serialize_token<S: ser::Serializer>(t: &Token, s: S) -> Result<S::Ok, S::Error> {
    if DIRECT.with(Cell::get) {
        SLOT.with(|slot| *slot.borrow_mut() = Some(t.clone()));
        s.serialize_unit_struct(TOKEN_STRUCT)
    } else {
        s.serialize_str(&format!("${{Token[{t:?}]}}"))
    }
}

/// Serializes an optional property so that `None` keeps its place as an absent value
/// (`#[serde(serialize_with = "cdk_core::value::optional")]` in generated L1 structs): an
/// override set later on that property then lands where aws-cdk-lib puts it. For any other
/// serializer `None` is `null`.
///
/// # Errors
/// The serializer's errors.
pub fn optional<T, S>(value: &Option<T>, s: S) -> Result<S::Ok, S::Error>
where
    T: Serialize,
    S: ser::Serializer,
{
    match value {
        Some(v) => v.serialize(s),
        None if DIRECT.with(Cell::get) => s.serialize_unit_struct(ABSENT_STRUCT),
        None => s.serialize_none(),
    }
}

/// Converts anything `Serialize` (such as a generated `Cfn*Props` struct) to a [`Value`],
/// keeping the tokens it holds. Field order is the struct's declaration order.
///
/// # Errors
/// Returns the serializer's message when the value cannot be serialized (for example a map
/// with non-string keys).
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, String> {
    let previous = DIRECT.with(|d| d.replace(true));
    let result = value.serialize(ValueSerializer);
    DIRECT.with(|d| d.set(previous));
    result.map_err(|e| e.0)
}

/// The serializer's error: a message.
#[derive(Debug)]
pub struct SerError(String);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

struct ValueSerializer;

/// Serializes a value inside a list, object or variant: refused past
/// [`crate::resolve::MAX_DEPTH`] levels, as serializing recurses once per level.
fn nested<T: Serialize + ?Sized>(v: &T) -> R {
    thread_local! {
        static DEPTH: Cell<usize> = const { Cell::new(0) };
    }
    let depth = DEPTH.with(|d| d.replace(d.get() + 1));
    let result = if depth >= crate::resolve::MAX_DEPTH {
        Err(SerError(format!(
            "the value is nested deeper than {} levels",
            crate::resolve::MAX_DEPTH
        )))
    } else {
        v.serialize(ValueSerializer)
    };
    DEPTH.with(|d| d.set(depth));
    result
}

type R = Result<Value, SerError>;

impl ser::Serializer for ValueSerializer {
    type Ok = Value;
    type Error = SerError;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = VariantBuilder<SeqBuilder>;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = VariantBuilder<MapBuilder>;

    fn serialize_bool(self, v: bool) -> R {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        Ok(Value::Number(v.into()))
    }
    fn serialize_i16(self, v: i16) -> R {
        Ok(Value::Number(v.into()))
    }
    fn serialize_i32(self, v: i32) -> R {
        Ok(Value::Number(v.into()))
    }
    fn serialize_i64(self, v: i64) -> R {
        Ok(Value::Number(v as f64))
    }
    fn serialize_u8(self, v: u8) -> R {
        Ok(Value::Number(v.into()))
    }
    fn serialize_u16(self, v: u16) -> R {
        Ok(Value::Number(v.into()))
    }
    fn serialize_u32(self, v: u32) -> R {
        Ok(Value::Number(v.into()))
    }
    fn serialize_u64(self, v: u64) -> R {
        Ok(Value::Number(v as f64))
    }
    fn serialize_f32(self, v: f32) -> R {
        Ok(Value::Number(v.into()))
    }
    fn serialize_f64(self, v: f64) -> R {
        Ok(Value::Number(v))
    }
    fn serialize_char(self, v: char) -> R {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        Ok(Value::Array(v.iter().map(|b| Value::Number((*b).into())).collect()))
    }
    fn serialize_none(self) -> R {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, name: &'static str) -> R {
        match name {
            TOKEN_STRUCT => {
                Ok(SLOT.with(|s| s.borrow_mut().take()).map(Value::Token).unwrap_or(Value::Null))
            }
            ABSENT_STRUCT => Ok(Value::absent()),
            VALUE_STRUCT => Ok(VALUE_SLOT.with(|s| s.borrow_mut().take()).unwrap_or(Value::Null)),
            _ => Ok(Value::Null),
        }
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        Ok(Value::String(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R {
        let mut m = Map::new();
        m.insert(variant.to_string(), nested(v)?);
        Ok(Value::Object(m))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, SerError> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqBuilder, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder<SeqBuilder>, SerError> {
        Ok(VariantBuilder(variant, SeqBuilder(Vec::with_capacity(len))))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, SerError> {
        Ok(MapBuilder(Map::with_capacity(len.unwrap_or(0)), None))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<MapBuilder, SerError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder<MapBuilder>, SerError> {
        Ok(VariantBuilder(variant, MapBuilder(Map::with_capacity(len), None)))
    }
}

struct SeqBuilder(Vec<Value>);

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerError> {
        self.0.push(nested(v)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(Value::Array(self.0))
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        ser::SerializeSeq::end(self)
    }
}

struct MapBuilder(Map, Option<String>);

impl ser::SerializeMap for MapBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        match key.serialize(ValueSerializer)?.into_string() {
            Ok(s) => self.1 = Some(s),
            Err(Value::Number(n)) => self.1 = Some(crate::json::format_number(n)),
            Err(_) => return Err(SerError("map keys must be strings".into())),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerError> {
        let key = self.1.take().ok_or_else(|| SerError("map value without a key".into()))?;
        self.0.insert(key, nested(v)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(Value::Object(self.0))
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), SerError> {
        self.0.insert(key.to_string(), nested(v)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(Value::Object(self.0))
    }
}

struct VariantBuilder<B>(&'static str, B);

impl ser::SerializeTupleVariant for VariantBuilder<SeqBuilder> {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), SerError> {
        ser::SerializeSeq::serialize_element(&mut self.1, v)
    }
    fn end(self) -> R {
        let mut m = Map::new();
        m.insert(self.0.to_string(), Value::Array(self.1 .0));
        Ok(Value::Object(m))
    }
}

impl ser::SerializeStructVariant for VariantBuilder<MapBuilder> {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), SerError> {
        ser::SerializeStruct::serialize_field(&mut self.1, key, v)
    }
    fn end(self) -> R {
        let mut m = Map::new();
        m.insert(self.0.to_string(), Value::Object(self.1 .0));
        Ok(Value::Object(m))
    }
}
