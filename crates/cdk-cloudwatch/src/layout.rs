//! Arranging widgets (`aws-cloudwatch/lib/layout.ts`): [`Row`], [`Column`], [`Spacer`].

use cdk_core::Value;

use crate::widget::{IWidget, Widget, GRID_WIDTH};

/// Widgets side by side, wrapping to a new line past [`GRID_WIDTH`] (`Row`).
#[derive(Clone, Debug, Default)]
pub struct Row {
    widgets: Vec<Widget>,
    offsets: Vec<(u32, u32)>,
    width: u32,
    height: u32,
}

impl Row {
    /// A row of widgets (`new Row(...widgets)`).
    pub fn new(widgets: impl IntoIterator<Item = Widget>) -> Row {
        let mut row = Row::default();
        let (mut x, mut y) = (0, 0);
        for w in widgets {
            if x + w.width() > GRID_WIDTH {
                y = row.height;
                x = 0;
            }
            x = row.place(x, y, w);
        }
        row
    }

    fn place(&mut self, x: u32, y: u32, w: Widget) -> u32 {
        self.offsets.push((x, y));
        self.width = self.width.max(x + w.width());
        self.height = self.height.max(y + w.height());
        let next = x + w.width();
        self.widgets.push(w);
        next
    }

    /// Adds a widget after the others (`addWidget`).
    pub fn add_widget(&mut self, w: impl Into<Widget>) {
        let w = w.into();
        let (mut x, mut y) = (self.width, self.height);
        if x + w.width() > GRID_WIDTH {
            y = self.height;
            x = 0;
        }
        self.place(x, y, w);
    }
}

impl IWidget for Row {
    fn width(&self) -> u32 {
        self.width
    }
    fn height(&self) -> u32 {
        self.height
    }
    fn to_json(&self, x: u32, y: u32) -> Vec<Value> {
        self.widgets
            .iter()
            .zip(&self.offsets)
            .flat_map(|(w, (dx, dy))| w.to_json(x + dx, y + dy))
            .collect()
    }
}

/// Widgets one under the other (`Column`).
#[derive(Clone, Debug, Default)]
pub struct Column {
    widgets: Vec<Widget>,
}

impl Column {
    /// A column of widgets (`new Column(...widgets)`).
    pub fn new(widgets: impl IntoIterator<Item = Widget>) -> Column {
        Column { widgets: widgets.into_iter().collect() }
    }

    /// Adds a widget below the others (`addWidget`).
    pub fn add_widget(&mut self, w: impl Into<Widget>) {
        self.widgets.push(w.into());
    }
}

impl IWidget for Column {
    fn width(&self) -> u32 {
        self.widgets.iter().map(Widget::width).max().unwrap_or(0)
    }
    fn height(&self) -> u32 {
        self.widgets.iter().map(Widget::height).sum()
    }
    fn to_json(&self, x: u32, y: u32) -> Vec<Value> {
        let mut widget_y = y;
        let mut out = Vec::new();
        for w in &self.widgets {
            out.extend(w.to_json(x, widget_y));
            widget_y += w.height();
        }
        out
    }
}

/// Empty space (`Spacer`): renders nothing.
#[derive(Clone, Copy, Debug)]
pub struct Spacer {
    width: u32,
    height: u32,
}

impl Spacer {
    /// A spacer; 0 stands for CDK's default of 1.
    pub fn new(width: u32, height: u32) -> Spacer {
        Spacer { width: width.max(1), height: height.max(1) }
    }
}

impl IWidget for Spacer {
    fn width(&self) -> u32 {
        self.width
    }
    fn height(&self) -> u32 {
        self.height
    }
    fn to_json(&self, _x: u32, _y: u32) -> Vec<Value> {
        Vec::new()
    }
}
