//! What a dashboard is made of (`aws-cloudwatch/lib/widget.ts`).

use std::rc::Rc;

use cdk_core::{BuildError, Value};

/// The width of a dashboard, in grid units (`GRID_WIDTH`).
pub const GRID_WIDTH: u32 = 24;

/// A widget of a dashboard (CDK's `IWidget`): its size in grid units and its JSON at a
/// position. [`Row`](crate::Row) and [`Column`](crate::Column) arrange other widgets.
///
/// Positions are computed when the dashboard body is rendered, so one widget may be placed
/// in several dashboards.
pub trait IWidget: std::fmt::Debug {
    /// Width in grid units (at most [`GRID_WIDTH`]).
    fn width(&self) -> u32;
    /// Height in grid units.
    fn height(&self) -> u32;
    /// The widget's entries in the dashboard's `widgets` list, placed at `(x, y)`.
    fn to_json(&self, x: u32, y: u32) -> Vec<Value>;
}

/// A handle to any widget, what [`Dashboard::add_widgets`](crate::Dashboard::add_widgets)
/// and [`Row`](crate::Row) take: `graph.into()`, `Widget::from(&text)`.
#[derive(Clone, Debug)]
pub struct Widget(pub(crate) Rc<dyn IWidget>);

impl Widget {
    /// Wraps any widget.
    pub fn new(widget: impl IWidget + 'static) -> Widget {
        Widget(Rc::new(widget))
    }
}

impl<W: IWidget + 'static> From<W> for Widget {
    fn from(w: W) -> Widget {
        Widget(Rc::new(w))
    }
}

macro_rules! widget_from_ref {
    ($($t:ty),*) => {$(
        impl From<&$t> for Widget {
            fn from(w: &$t) -> Widget {
                Widget(Rc::new(w.clone()))
            }
        }
    )*};
}
widget_from_ref!(
    crate::TextWidget,
    crate::GraphWidget,
    crate::SingleValueWidget,
    crate::Row,
    crate::Column,
    crate::Spacer
);

impl Widget {
    /// The widget's width.
    pub fn width(&self) -> u32 {
        self.0.width()
    }
    /// The widget's height.
    pub fn height(&self) -> u32 {
        self.0.height()
    }
    /// The widget's JSON at `(x, y)`.
    pub fn to_json(&self, x: u32, y: u32) -> Vec<Value> {
        self.0.to_json(x, y)
    }
}

/// `ConcreteWidget`'s check: `WidgetTooWide`.
pub(crate) fn check_width(width: u32) -> Result<u32, BuildError> {
    if width > GRID_WIDTH {
        return Err(BuildError::invalid_field(
            "width",
            format!("Widget is too wide, max {GRID_WIDTH} units allowed"),
        ));
    }
    Ok(width)
}

/// `{"type", "width", "height", "x", "y", "properties"}`, the common shape of a widget.
pub(crate) fn widget_json(
    kind: &str,
    width: u32,
    height: u32,
    x: u32,
    y: u32,
    properties: Value,
) -> Value {
    Value::object([
        ("type", Value::from(kind)),
        ("width", Value::from(width)),
        ("height", Value::from(height)),
        ("x", Value::from(x)),
        ("y", Value::from(y)),
        ("properties", properties),
    ])
}

/// An object of the present values, in the given order (JavaScript drops `undefined`).
pub(crate) fn present(pairs: Vec<(&str, Option<Value>)>) -> Value {
    Value::object(pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))))
}
