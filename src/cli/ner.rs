//! `khabar train-ner` and `khabar eval-conll`: training the name tagger on annotated text,
//! and scoring it the CoNLL way (see [`khabar_core::extract::entities::tagger`]).

use super::Error;
use super::args::TrainNerArgs;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::extract::entities::tagger::form_memo::FormMemo;
use khabar_core::extract::entities::tagger::label::{Class, Label};
use khabar_core::extract::entities::tagger::{Tagger, conll, train as training};
use std::path::Path;
use std::time::Instant;

fn read_conll(command: &'static str, path: &Path) -> Result<Vec<conll::Sentence>, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::failed(command)(format!("{}: {e}", path.display())))?;
    conll::read(&text).map_err(|e| Error::failed(command)(format!("{}: {e}", path.display())))
}

/// Trains on `args.train` and writes the model to `args.out`.
pub fn train(args: &TrainNerArgs) -> Result<(), Error> {
    const COMMAND: &str = "train-ner";
    let sentences = read_conll(COMMAND, &args.train)?;
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!("{} sentences, {words} words", sentences.len());
    let settings = training::Settings {
        epochs: args.epochs,
        seed: args.seed,
        ..Default::default()
    };
    let lexicon = Lexicon::load();
    let start = Instant::now();
    let documents = conll::documents(sentences);
    let tagger = training::train_tagger(&documents, &lexicon, settings, |stage, epoch, wrong| {
        eprintln!("{stage}, epoch {epoch}: {wrong} sentences tagged wrong");
    });
    let bytes = tagger.to_bytes();
    std::fs::write(&args.out, &bytes)
        .map_err(|e| Error::failed(COMMAND)(format!("{}: {e}", args.out.display())))?;
    let (first, second) = tagger.feature_counts();
    eprintln!(
        "{first} + {second} features, temperature {}, {} bytes, {:.1} s",
        tagger.temperature(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Prints exact-span P / R / F1 per class, micro-averaged over PERS, LOC and ORG, and over
/// all four classes.
pub fn eval(file: &Path, model: Option<&Path>, verbose: bool) -> Result<(), Error> {
    const COMMAND: &str = "eval-conll";
    let sentences = read_conll(COMMAND, file)?;
    let tagger = match model {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| Error::failed(COMMAND)(format!("{}: {e}", path.display())))?;
            Tagger::from_bytes(&bytes).map_err(Error::failed(COMMAND))?
        }
        None => Tagger::embedded().clone(),
    };
    let lexicon = Lexicon::load();
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    let start = Instant::now();
    let documents = conll::documents(sentences);
    let scores = tagger.score(&documents, &lexicon);
    let seconds = start.elapsed().as_secs_f64();
    if verbose {
        let mut memo = FormMemo::default();
        for doc in &documents {
            for (s, labels) in doc
                .iter()
                .zip(tagger.tag_sentences(doc, &lexicon, &mut memo))
            {
                print_errors(s, &labels);
            }
        }
    }
    let line = |name: &str, classes: &[Class]| {
        let (p, r, f) = scores.prf(classes);
        let (m, pr, g) = classes.iter().fold((0, 0, 0), |acc, c| {
            let e = scores.by_class.get(c).copied().unwrap_or_default();
            (acc.0 + e.0, acc.1 + e.1, acc.2 + e.2)
        });
        println!(
            "{name:<16} P {p:.3}  R {r:.3}  F1 {f:.3}   ({m} matched, {pr} predicted, {g} gold)"
        );
    };
    for c in Class::ALL {
        line(c.as_str(), &[c]);
    }
    line("PERS+LOC+ORG", &[Class::Pers, Class::Loc, Class::Org]);
    line("all four", &Class::ALL);
    println!(
        "{words} words in {seconds:.2} s: {:.0} words per second",
        words as f64 / seconds.max(1e-9)
    );
    Ok(())
}

/// Prints the spans of `s` that `labels` missed (-) or found wrongly (+).
fn print_errors(s: &conll::Sentence, labels: &[Label]) {
    let (predicted, gold) = s.token_labels(labels);
    let tokens: Vec<&str> = s.text.split(' ').collect();
    let (p, g) = (conll::spans(&predicted), conll::spans(&gold));
    let show =
        |(a, b, c): &(usize, usize, Class)| format!("{} {}", c.as_str(), tokens[*a..*b].join(" "));
    for span in g.iter().filter(|x| !p.contains(x)) {
        println!("- {}", show(span));
    }
    for span in p.iter().filter(|x| !g.contains(x)) {
        println!("+ {}", show(span));
    }
}
