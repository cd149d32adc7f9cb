//! The browser's header line while a plan to an interview date is set: "Interview in 9
//! days · on track · readiness 64%".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::wrap::truncate;
use crate::app::App;
use crate::plan::{Header, Standing};
use crate::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, header: &Header) {
    let theme = app.theme();
    let dot = || Span::styled(" · ", theme.style(Role::Dim));
    let mut spans = vec![Span::styled(
        format!(" {}", header.when),
        theme.style(Role::Title),
    )];
    if let Some(standing) = header.standing {
        let role = match standing {
            Standing::OnTrack => Role::Good,
            Standing::Behind { .. } => Role::Warning,
        };
        spans.push(dot());
        spans.push(Span::styled(standing.words(), theme.style(role)));
    }
    spans.push(dot());
    spans.push(Span::styled(
        header.readiness.clone(),
        theme.style(Role::Count),
    ));
    let width = usize::from(area.width);
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    if super::wrap::width(&text) > width {
        // Too narrow for the parts: the plain line, cut.
        let line = truncate(&format!(" {}", header.text()), width);
        frame.render_widget(
            Paragraph::new(Span::styled(line, theme.style(Role::Title))),
            area,
        );
        return;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
