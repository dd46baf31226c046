//! Markdown text on a dashboard (`aws-cloudwatch/lib/text.ts`).

use cdk_core::{Error, Value};

use crate::widget::{check_width, widget_json, IWidget};

/// The background of a [`TextWidget`] (`TextWidgetBackground`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextWidgetBackground {
    /// The widget's usual background (`solid`).
    #[doc(alias = "SOLID")]
    Solid,
    /// No background (`transparent`), the default.
    #[default]
    #[doc(alias = "TRANSPARENT")]
    Transparent,
}

impl TextWidgetBackground {
    /// The dashboard value (`transparent`).
    pub fn as_str(self) -> &'static str {
        match self {
            TextWidgetBackground::Solid => "solid",
            TextWidgetBackground::Transparent => "transparent",
        }
    }
}

/// Options of a [`TextWidget`] (`TextWidgetProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct TextWidgetProps {
    /// The markdown text. Required.
    pub markdown: String,
    /// Width in grid units (at most 24). Default: 6.
    #[builder(default, setter(into = false))]
    pub width: Option<u32>,
    /// Height in grid units. Default: 2.
    #[builder(default, setter(into = false))]
    pub height: Option<u32>,
    /// The background. Default: [`TextWidgetBackground::Transparent`].
    #[builder(default)]
    pub background: Option<TextWidgetBackground>,
}
cdk_core::impl_props!(TextWidgetProps, TextWidgetPropsBuilder);

/// Markdown text (`TextWidget`).
#[derive(Clone, Debug)]
pub struct TextWidget {
    props: TextWidgetProps,
    width: u32,
    height: u32,
}

impl TextWidget {
    /// A text widget.
    ///
    /// # Errors
    /// [`Error::Build`] for a missing markdown or a width over 24.
    pub fn new(props: impl cdk_core::IntoProps<TextWidgetProps>) -> Result<TextWidget, Error> {
        let props = props.into_props()?;
        let width = check_width(props.width.filter(|w| *w != 0).unwrap_or(6))
            .map_err(|e| e.in_props("TextWidgetProps"))?;
        let height = props.height.filter(|h| *h != 0).unwrap_or(2);
        Ok(TextWidget { props, width, height })
    }
}

impl IWidget for TextWidget {
    fn width(&self) -> u32 {
        self.width
    }
    fn height(&self) -> u32 {
        self.height
    }
    fn to_json(&self, x: u32, y: u32) -> Vec<Value> {
        let background = self.props.background.unwrap_or_default();
        let properties = Value::object([
            ("markdown", Value::from(self.props.markdown.as_str())),
            ("background", Value::from(background.as_str())),
        ]);
        vec![widget_json("text", self.width, self.height, x, y, properties)]
    }
}
