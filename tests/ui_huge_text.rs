//! The reader on huge text: a chrome block of a million lines and a 5 MB line are laid out
//! only where visible, and a long line wraps into many rows instead of one clipped line.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use khabar::ui::i18n::{Language, T};
use khabar::ui::reader::{CHROME_PAGE, Marks, ReaderState, article_view};
use khabar_core::text::article::{Article, Block, BlockKind};
use khabar_core::text::document::Document;

const TITLE: &str = "رئيس الوزراء يزور باكو";
const P1: &str = "وصل رئيس الوزراء اليوم إلى العاصمة باكو في زيارة رسمية تستغرق يومين، يبحث خلالها العلاقات الثنائية.";
const CHROME_LINES: usize = 999_999;

struct View {
    doc: Document,
    state: ReaderState,
}

/// A document built block by block (segmenting a million lines is not what is tested):
/// headline, a paragraph, `chrome` lines of site chrome, then `long_line` as one paragraph.
fn document(chrome: usize, long_line: &str) -> Document {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut push = |text: &mut String, line: &str, kind: BlockKind| {
        let start = text.len();
        text.push_str(line);
        blocks.push(Block {
            range: start..text.len(),
            kind,
            part: 1,
        });
        text.push('\n');
        start..start + line.len()
    };
    let title = push(&mut text, TITLE, BlockKind::Title);
    let mut body = vec![push(&mut text, P1, BlockKind::Body)];
    for n in 0..chrome {
        push(
            &mut text,
            &format!("• رابط إلى خبر آخر {n}"),
            BlockKind::Chrome,
        );
    }
    if !long_line.is_empty() {
        body.push(push(&mut text, long_line, BlockKind::Body));
    }
    Document {
        file: "huge.txt".into(),
        path: None,
        encoding: "UTF-8",
        warning: None,
        text,
        blocks,
        articles: vec![Article {
            part: 1,
            title: Some(title),
            published: None,
            body,
        }],
    }
}

fn harness(doc: Document) -> Harness<'static, View> {
    Harness::builder()
        .with_size([1000.0, 800.0])
        .with_context_setup(khabar::ui::fonts::install)
        .build_ui_state(
            |ui, view: &mut View| {
                let article = view.doc.articles[0].clone();
                let marks = Marks {
                    language: Language::English,
                    ..Marks::default()
                };
                article_view(ui, &view.doc, &article, &mut view.state, &marks);
            },
            View {
                doc,
                state: ReaderState::default(),
            },
        )
}

fn chrome_label(expanded: bool, lines: usize) -> String {
    let l = Language::English;
    let count = l.f(T::Lines, &[&lines]);
    l.f(
        if expanded {
            T::HideChrome
        } else {
            T::ShowChrome
        },
        &[&count],
    )
}

#[test]
fn expanding_a_million_chrome_lines_lays_out_only_what_is_visible() {
    let mut harness = harness(document(CHROME_LINES, ""));
    harness.run_steps(2);
    harness
        .get_by_label(&chrome_label(false, CHROME_LINES))
        .click();
    harness.run_steps(2);
    let view = harness.state();
    assert!(
        view.state.expanded_chrome.len() == 1,
        "the block is expanded"
    );
    let laid = view.state.laid_out;
    // An 800-point window shows a few dozen chrome lines; the rest of the page only takes
    // its place, and the lines after the page are not visited at all.
    assert!(laid.pieces >= 10, "visible lines are drawn: {laid:?}");
    assert!(
        laid.pieces <= 80,
        "only visible lines are laid out: {laid:?}"
    );
    assert!(laid.pieces + laid.skipped <= CHROME_PAGE + 10, "{laid:?}");
    harness.get_by_label(&chrome_label(true, CHROME_LINES));

    // "Show more" adds a page; still only the visible lines are laid out.
    let more = Language::English.f(T::ShowMore, &[&0]);
    let prefix = &more[..more.find('(').unwrap()];
    harness.get_by_label_contains(prefix).click();
    harness.run_steps(2);
    let laid = harness.state().state.laid_out;
    assert!(laid.pieces <= 80, "{laid:?}");
    assert!(
        laid.pieces + laid.skipped > CHROME_PAGE,
        "a second page: {laid:?}"
    );
    assert!(
        laid.pieces + laid.skipped <= 2 * CHROME_PAGE + 10,
        "{laid:?}"
    );
}

#[test]
fn a_five_megabyte_line_wraps_into_many_rows_laid_out_lazily() {
    let line = "كلمة في سطر طويل جدا ".repeat(5 * 1024 * 1024 / "كلمة في سطر طويل جدا ".len());
    let mut harness = harness(document(0, &line));
    harness.run_steps(2);
    let laid = harness.state().state.laid_out;
    // Wrapped: the visible part of the line is many rows, not one clipped row…
    assert!(laid.rows >= 15, "{laid:?}");
    // …and only the pieces on screen are laid out, not the 200 KB shown at first.
    assert!(laid.pieces <= 10, "{laid:?}");
    assert!(
        laid.skipped >= 20,
        "the rest of the shown text has its place: {laid:?}"
    );
}

#[test]
fn a_line_without_spaces_wraps_too() {
    let blob = "ب".repeat(100_000);
    let mut harness = harness(document(0, &blob));
    harness.run_steps(2);
    let laid = harness.state().state.laid_out;
    assert!(laid.rows >= 15, "{laid:?}");
}
